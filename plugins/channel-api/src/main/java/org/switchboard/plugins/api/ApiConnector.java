package org.switchboard.plugins.api;

import java.util.List;
import java.util.Set;
import org.pf4j.Extension;
import org.switchboard.plugin.api.channel.ChannelCapability;
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
 * The generic API channel type: another system posts canonical messages and receives outbound ones. Public because
 * PF4J instantiates it.
 *
 * <p>Senders name their own identity kind per message ({@code email}, {@code phone}, or any kind of their own);
 * {@code api} is only the descriptor's default.
 */
@Extension
public class ApiConnector implements ChannelConnector {

    static final IdentityKind API = new IdentityKind("api");

    private static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor("api", "API", API,
            Set.of(ChannelCapability.ATTACHMENTS, ChannelCapability.DELIVERY_RECEIPTS,
                    ChannelCapability.READ_RECEIPTS, ChannelCapability.RICH_TEXT),
            MessageReader.MAX_TEXT, null);

    private static final List<ConfigField> SCHEMA = List.of(
            new ConfigField(ApiSettings.CALLBACK_URL, "Callback URL", FieldType.URL, true, false, null,
                    "Your system's URL that receives outbound messages as signed JSON POSTs."),
            ConfigField.generatedSecret(ApiSettings.SIGNING_SECRET, "Signing secret",
                    "Signs requests in both directions (HMAC-SHA256). Generated for you; give it to your system."));

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
        return ApiSettings.problems(config);
    }

    @Override
    public ChannelConnection open(ConnectionContext context) throws ChannelException {
        try {
            return new ApiConnection(ApiSettings.from(context.config()), context);
        } catch (IllegalArgumentException e) {
            throw new ChannelException("API channel cannot start: " + e.getMessage(), e);
        }
    }
}
