package org.switchboard.plugins.telegram;

import java.util.List;
import java.util.Set;
import org.pf4j.Extension;
import org.switchboard.plugin.api.channel.ChannelCapability;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.api.channel.ChannelDescriptor;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.ConnectionContext;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ConfigProblem;
import org.switchboard.plugin.api.config.FieldType;

/**
 * The Telegram channel type: customers write to the company's Telegram bot in a private chat. Public because PF4J
 * instantiates it.
 *
 * <p>No delivery or read receipts: the Bot API reports neither. No reply window.
 */
@Extension
public class TelegramConnector implements ChannelConnector {

    private static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor("telegram", "Telegram",
            UpdateReader.TELEGRAM, Set.of(ChannelCapability.ATTACHMENTS), TelegramSender.MAX_TEXT, null);

    private static final List<ConfigField> SCHEMA = List.of(
            ConfigField.secret(TelegramSettings.BOT_TOKEN, "Bot token", true,
                    "The token BotFather gave your bot (/newbot or /token), such as 123456789:AAE…"),
            ConfigField.generatedSecret(TelegramSettings.WEBHOOK_SECRET, "Webhook secret",
                    "Telegram sends it with every update so forged updates are refused. Generated for you; "
                            + "changing it re-registers the webhook."),
            new ConfigField(TelegramSettings.API_BASE_URL, "Bot API URL", FieldType.URL, false, false,
                    TelegramSettings.DEFAULT_API_BASE_URL,
                    "Change only for a self-hosted Bot API server."));

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
        return TelegramSettings.problems(config);
    }

    @Override
    public ChannelConnection open(ConnectionContext context) throws ChannelException {
        TelegramSettings settings;
        try {
            settings = TelegramSettings.from(context.config());
        } catch (IllegalArgumentException e) {
            throw new ChannelException("Telegram cannot start: " + e.getMessage(), e);
        }
        return new TelegramConnection(settings, context);
    }
}
