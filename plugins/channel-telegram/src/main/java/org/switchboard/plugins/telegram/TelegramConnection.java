package org.switchboard.plugins.telegram;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ConnectionContext;
import org.switchboard.plugin.api.channel.ConnectionHealth;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;

/**
 * One Telegram bot. Telegram POSTs every update as JSON to the account's webhook URL itself ({@code /hooks/{id}},
 * no sub-path), with the secret token from {@code setWebhook} in {@value TelegramSettings#SECRET_HEADER}.
 */
final class TelegramConnection implements ChannelConnection {

    /** Updates are a few kB; anything far larger is not Telegram. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final byte[] webhookSecret;
    private final UpdateReader reader;
    private final TelegramSender sender;
    private final WebhookRegistration registration;

    TelegramConnection(TelegramSettings settings, ConnectionContext context) {
        BotApi api = new BotApi(context.plugin().httpClient(), settings.apiBaseUrl(), settings.botToken());
        this.webhookSecret = settings.webhookSecret().getBytes(StandardCharsets.UTF_8);
        this.reader = new UpdateReader(new MediaFetcher(api));
        this.sender = new TelegramSender(api);
        this.registration = new WebhookRegistration(api, context.webhookUrl(), settings.webhookSecret(),
                context.plugin().scheduler(), context.plugin().logger(), context.plugin().clock());
        registration.start();
    }

    @Override
    public WebhookResult handleWebhook(WebhookRequest request) {
        if (!request.subPath().isEmpty() && !request.subPath().equals("/")) {
            return WebhookResult.rejected(404, "Telegram updates go to the account's webhook URL without a sub-path");
        }
        if (!request.method().equals("POST")) {
            return WebhookResult.rejected(405, "Telegram delivers updates with POST");
        }
        String presented = request.header(TelegramSettings.SECRET_HEADER).orElse("");
        if (presented.isEmpty()) {
            return WebhookResult.rejected(401, "the " + TelegramSettings.SECRET_HEADER + " header is missing");
        }
        // Constant-time, so response timing tells nothing about how much of a guessed secret was right.
        if (!MessageDigest.isEqual(webhookSecret, presented.getBytes(StandardCharsets.UTF_8))) {
            return WebhookResult.rejected(401, "the " + TelegramSettings.SECRET_HEADER
                    + " header does not match this account's webhook secret");
        }
        if (request.body().length > MAX_BODY_BYTES) {
            return WebhookResult.rejected(413, "the update is larger than " + MAX_BODY_BYTES / 1024 + " KiB");
        }
        JsonValue update;
        try {
            update = Json.parse(request.bodyAsString());
        } catch (ParseException e) {
            return WebhookResult.rejected(400, "the body is not JSON: " + e.getMessage());
        }
        if (!update.isObject()) {
            return WebhookResult.rejected(400, "the body must be a Telegram Update object");
        }
        List<InboundEvent> events;
        try {
            events = reader.read(update.asObject());
        } catch (MalformedUpdate e) {
            return WebhookResult.rejected(400, "not a Telegram update: " + e.getMessage());
        }
        return WebhookResult.accepted(events);
    }

    @Override
    public SendResult send(OutboundMessage message) {
        return sender.send(message);
    }

    @Override
    public ConnectionHealth health() {
        return registration.health();
    }

    @Override
    public void close() {
        registration.close();
    }

    /** Never prints the token or the webhook secret. */
    @Override
    public String toString() {
        return "TelegramConnection";
    }
}
