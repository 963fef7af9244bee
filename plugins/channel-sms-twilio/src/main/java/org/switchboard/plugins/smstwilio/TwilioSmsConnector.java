package org.switchboard.plugins.smstwilio;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;
import org.switchboard.plugin.api.PluginContext;
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
 * The SMS channel type through Twilio: customers text a Twilio number, agents' replies go back as SMS. Public
 * because PF4J instantiates it.
 *
 * <p>Delivery receipts come from Twilio's status callbacks; plain SMS has no read receipts, and outbound
 * attachments are not supported (Twilio fetches MMS media from public URLs, which this plugin cannot host).
 */
@Extension
public class TwilioSmsConnector implements ChannelConnector {

    /** Twilio's limit for one message body. */
    static final int MAX_TEXT_LENGTH = 1600;

    private static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor("sms-twilio", "SMS (Twilio)",
            IdentityKind.PHONE, Set.of(ChannelCapability.DELIVERY_RECEIPTS), MAX_TEXT_LENGTH, null);

    private static final List<ConfigField> SCHEMA = List.of(
            ConfigField.text(TwilioSettings.ACCOUNT_SID, "Account SID", true,
                    "From the Twilio console, starts with AC."),
            ConfigField.secret(TwilioSettings.AUTH_TOKEN, "Auth token", true,
                    "The account's primary auth token: it signs Twilio's webhooks and authorises sending."),
            ConfigField.text(TwilioSettings.FROM_NUMBER, "From number", false,
                    "The Twilio number replies are sent from, in E.164 format (+15551234567). Needed unless a "
                            + "Messaging Service SID is given."),
            ConfigField.text(TwilioSettings.MESSAGING_SERVICE_SID, "Messaging Service SID", false,
                    "Optional, starts with MG. When given, Twilio picks the sender from this service instead of "
                            + "the From number."),
            new ConfigField(TwilioSettings.PUBLIC_BASE_URL, "Public webhook URL", FieldType.URL, false, false, null,
                    "Only behind a proxy that changes the URL: the exact URL pasted into Twilio for incoming "
                            + "messages (without /status). Signatures are checked against it."),
            new ConfigField(TwilioSettings.API_BASE_URL, "Twilio API URL", FieldType.URL, false, false,
                    TwilioSettings.DEFAULT_API_BASE_URL, "Leave as is unless told otherwise."),
            new ConfigField(TwilioSettings.MAX_SEGMENTS, "Most SMS parts per reply", FieldType.INTEGER, false, false,
                    Integer.toString(TwilioSettings.DEFAULT_MAX_SEGMENTS),
                    "A longer reply is refused rather than sent as many billed parts (160 characters per SMS, "
                            + "153 per part; 70/67 with emoji or non-Latin letters)."));

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
        return TwilioSettings.problems(config);
    }

    @Override
    public ChannelConnection open(ConnectionContext context) throws ChannelException {
        return open(context, MessageSender.DEFAULT_TIMEOUT);
    }

    /** Opens a connection whose calls to Twilio each wait at most {@code timeout}. */
    ChannelConnection open(ConnectionContext context, Duration timeout) throws ChannelException {
        TwilioSettings settings;
        try {
            settings = TwilioSettings.from(context.config());
        } catch (IllegalArgumentException e) {
            throw new ChannelException("SMS (Twilio) cannot start: " + e.getMessage(), e);
        }
        PluginContext plugin = context.plugin();
        WebhookUrls urls = new WebhookUrls(context.webhookUrl(), settings.publicBaseUrl());
        MediaDownloads media = new MediaDownloads(plugin.httpClient(), settings, timeout);
        return new TwilioSmsConnection(settings, urls,
                new IncomingMessages(media, plugin.clock(), IncomingMessages.MEDIA_BUDGET),
                new StatusCallbacks(plugin.clock()),
                new MessageSender(plugin.httpClient(), settings, urls, timeout, plugin.clock(), plugin.logger()));
    }
}
