package com.example.switchboard.channel;

import java.util.List;
import java.util.Set;
import org.pf4j.Extension;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.api.channel.ChannelDescriptor;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.ConnectionContext;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ConfigProblem;
import org.switchboard.plugin.api.config.FieldType;

/**
 * The channel type the portal offers when an admin creates a channel account. {@code @Extension} puts it into the
 * plugin's extension index (the annotation processor in the POM writes it); public with a no-argument
 * constructor because PF4J creates it. Stateless: one instance serves every account.
 */
@Extension
public class ExampleConnector implements ChannelConnector {

    /** The channel id: stored with every account, so never rename it. */
    static final String ID = "example";

    /** Senders are users of the integrated system, a namespace of their own. */
    static final IdentityKind EXAMPLE_USER = new IdentityKind("example-user");

    private static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor(ID, "Example channel", EXAMPLE_USER,
            Set.of(), InboundReader.MAX_TEXT, null);

    private static final List<ConfigField> SCHEMA = List.of(
            new ConfigField(ExampleSettings.OUTBOUND_URL, "Outbound URL", FieldType.URL, true, false, null,
                    "Where replies are POSTed as JSON, e.g. https://app.example.com/switchboard/replies"),
            ConfigField.secret(ExampleSettings.SECRET, "Shared secret", true,
                    "At least 16 characters; signs requests in both directions (HMAC-SHA256)."));

    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<ConfigField> configSchema() {
        return SCHEMA;
    }

    @Override
    public List<ConfigProblem> validate(ChannelConfig config) {
        return ExampleSettings.problems(config);
    }

    @Override
    public ChannelConnection open(ConnectionContext context) throws ChannelException {
        List<ConfigProblem> problems = ExampleSettings.problems(context.config());
        if (!problems.isEmpty()) {
            // Names the field, never its value: the message is shown to admins and logged.
            throw new ChannelException("Example channel cannot start: " + problems.getFirst().key() + " "
                    + problems.getFirst().message());
        }
        return new ExampleConnection(ExampleSettings.from(context.config()), context.plugin());
    }
}
