package org.switchboard.plugins.whatsapp;

import java.time.Duration;
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
 * The WhatsApp channel type: one WhatsApp Business phone number on Meta's Cloud API. Public because PF4J
 * instantiates it.
 */
@Extension
public class WhatsappConnector implements ChannelConnector {

    /** WhatsApp's limit for a text message body. */
    static final int MAX_TEXT_LENGTH = 4096;
    /** Outside 24 hours after the customer's last message, WhatsApp only delivers approved templates. */
    static final Duration REPLY_WINDOW = Duration.ofHours(24);

    private static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor("whatsapp", "WhatsApp",
            IdentityKind.PHONE,
            Set.of(ChannelCapability.ATTACHMENTS, ChannelCapability.DELIVERY_RECEIPTS,
                    ChannelCapability.READ_RECEIPTS, ChannelCapability.TEMPLATES),
            MAX_TEXT_LENGTH, REPLY_WINDOW);

    private static final List<ConfigField> SCHEMA = List.of(
            ConfigField.text(WhatsappSettings.PHONE_NUMBER_ID, "Phone number ID", true,
                    "WhatsApp Manager › API Setup: the ID of the business phone number (digits), not the number."),
            ConfigField.text(WhatsappSettings.BUSINESS_ACCOUNT_ID, "WhatsApp Business Account ID", true,
                    "The WABA ID that owns the phone number and its message templates."),
            ConfigField.secret(WhatsappSettings.ACCESS_TOKEN, "Access token", true,
                    "A permanent system-user token with the whatsapp_business_messaging and "
                            + "whatsapp_business_management permissions."),
            ConfigField.secret(WhatsappSettings.APP_SECRET, "App secret", true,
                    "Meta app › App settings › Basic › App secret; Meta signs every webhook delivery with it."),
            ConfigField.generatedSecret(WhatsappSettings.VERIFY_TOKEN, "Webhook verify token",
                    "Paste it into the app's WhatsApp › Configuration › Verify token, next to the callback URL."),
            new ConfigField(WhatsappSettings.API_BASE_URL, "Graph API base URL", FieldType.URL, false, false,
                    WhatsappSettings.DEFAULT_API_BASE_URL, "Change only for tests or a proxy."),
            new ConfigField(WhatsappSettings.API_VERSION, "Graph API version", FieldType.TEXT, false, false,
                    WhatsappSettings.DEFAULT_API_VERSION, "The Graph API version to call, e.g. v21.0."));

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
        return WhatsappSettings.problems(config);
    }

    @Override
    public ChannelConnection open(ConnectionContext context) throws ChannelException {
        WhatsappSettings settings;
        try {
            settings = WhatsappSettings.from(context.config());
        } catch (IllegalArgumentException e) {
            throw new ChannelException("WhatsApp cannot start: " + e.getMessage(), e);
        }
        return new WhatsappConnection(settings, context);
    }
}
