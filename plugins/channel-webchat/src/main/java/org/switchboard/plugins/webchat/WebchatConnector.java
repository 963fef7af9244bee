package org.switchboard.plugins.webchat;

import java.io.IOException;
import java.io.InputStream;
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
 * The website chat channel type: a visitor talks to agents through a widget that one {@code <script>} tag puts
 * on any page. Public because PF4J instantiates it.
 */
@Extension
public class WebchatConnector implements ChannelConnector {

    private static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor("webchat", "Website chat",
            IdentityKind.WEBCHAT_VISITOR, Set.of(ChannelCapability.LIVE, ChannelCapability.DELIVERY_RECEIPTS),
            VisitorMessage.MAX_TEXT_LENGTH, null);

    private static final List<ConfigField> SCHEMA = List.of(
            new ConfigField(WebchatSettings.WIDGET_TITLE, "Widget title", FieldType.TEXT, true, false,
                    WebchatSettings.DEFAULT_TITLE, "Shown at the top of the chat panel."),
            new ConfigField(WebchatSettings.GREETING, "Greeting", FieldType.TEXT, false, false,
                    WebchatSettings.DEFAULT_GREETING,
                    "Shown to visitors above the conversation; leave empty for none."),
            new ConfigField(WebchatSettings.PRE_CHAT_FORM, "Ask name and email first", FieldType.BOOLEAN, false, false,
                    "true", "Asks for a name and an email address (both optional) before the first message, "
                            + "so the visitor can be recognised on other channels."),
            new ConfigField(WebchatSettings.ALLOWED_ORIGINS, "Allowed websites", FieldType.TEXT, true, false,
                    AllowedOrigins.ANY, "Comma-separated origins of the pages that may show the chat, such as "
                            + "https://www.example.com, or * for any page."),
            ConfigField.generatedSecret(WebchatSettings.SIGNING_KEY, "Signing key",
                    "Signs visitors' chat tokens. Changing it signs every visitor out."));

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
        return WebchatSettings.problems(config);
    }

    @Override
    public ChannelConnection open(ConnectionContext context) throws ChannelException {
        WebchatSettings settings;
        try {
            settings = WebchatSettings.from(context.config());
        } catch (IllegalArgumentException e) {
            throw new ChannelException("Website chat cannot start: " + e.getMessage(), e);
        }
        return new WebchatConnection(settings, context, widgetScript());
    }

    private static byte[] widgetScript() throws ChannelException {
        try (InputStream in = WebchatConnector.class.getResourceAsStream("widget.js")) {
            if (in == null) {
                throw new ChannelException("Website chat cannot start: widget.js is missing from the plugin JAR");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ChannelException("Website chat cannot start: widget.js could not be read", e);
        }
    }
}
