package org.switchboard.plugins.whatsapp;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.ConnectionContext;
import org.switchboard.plugin.api.channel.ConnectionHealth;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.MessageTemplate;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.WebhookReply;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;

/**
 * One WhatsApp Business phone number. Meta calls {@code /hooks/{accountId}} (no sub-path):
 *
 * <pre>
 * GET  ?hub.mode=subscribe&amp;hub.verify_token=…&amp;hub.challenge=…   subscription handshake → the challenge
 * POST notification JSON, X-Hub-Signature-256                    messages and statuses → 200
 * </pre>
 */
final class WhatsappConnection implements ChannelConnection {

    /** Meta's notifications are a few kB; this bounds the work an oversized body can cause before the check. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** The admin page waits for health; it must not hang on a slow Graph API. */
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

    private final WhatsappSettings settings;
    private final WebhookSignature signature;
    private final NotificationParser parser;
    private final MessageSender sender;
    private final TemplateCatalog templates;
    private final GraphApi graph;
    private final System.Logger log;

    WhatsappConnection(WhatsappSettings settings, ConnectionContext context) {
        this.settings = settings;
        this.log = context.plugin().logger();
        this.graph = new GraphApi(context.plugin().httpClient(), settings);
        this.signature = new WebhookSignature(settings.appSecret());
        this.parser = new NotificationParser(settings.phoneNumberId(),
                new InboundMessageReader(new MediaDownloader(graph, log)), context.plugin().clock(), log);
        this.sender = new MessageSender(graph, settings.phoneNumberId(), log);
        this.templates = new TemplateCatalog(graph, settings.businessAccountId(), log);
    }

    @Override
    public WebhookResult handleWebhook(WebhookRequest request) {
        if (!request.subPath().isEmpty() && !request.subPath().equals("/")) {
            return WebhookResult.rejected(404, "WhatsApp posts to the account's webhook URL itself, not to "
                    + abbreviate(request.subPath()));
        }
        return switch (request.method()) {
            case "GET" -> handshake(request);
            case "POST" -> notification(request);
            default -> WebhookResult.rejected(405, "only GET (verification) and POST (notifications) are accepted");
        };
    }

    /** Meta's subscription check: echo the challenge if the verify token is the one configured here. */
    private WebhookResult handshake(WebhookRequest request) {
        String mode = request.queryParameter("hub.mode").orElse("");
        String challenge = request.queryParameter("hub.challenge").orElse("");
        if (!mode.equals("subscribe") || challenge.isEmpty()) {
            return WebhookResult.rejected(400, "expected Meta's verification request with hub.mode=subscribe and "
                    + "hub.challenge");
        }
        String token = request.queryParameter("hub.verify_token").orElse("");
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                settings.verifyToken().getBytes(StandardCharsets.UTF_8))) {
            log.log(Level.WARNING, "WhatsApp webhook verification refused: the verify token does not match");
            return WebhookResult.rejected(403, "the verify token does not match the one configured for this account");
        }
        log.log(Level.INFO, "WhatsApp webhook verified for phone number id {0}", settings.phoneNumberId());
        return WebhookResult.reply(WebhookReply.text(challenge));
    }

    private WebhookResult notification(WebhookRequest request) {
        if (request.body().length > MAX_BODY_BYTES) {
            return WebhookResult.rejected(413, "the body is larger than " + MAX_BODY_BYTES / 1024 + " KiB");
        }
        String presented = request.header(WebhookSignature.HEADER).orElse(null);
        if (presented == null) {
            return WebhookResult.rejected(401, "missing " + WebhookSignature.HEADER + " header");
        }
        if (!signature.matches(request.body(), presented)) {
            return WebhookResult.rejected(401, WebhookSignature.HEADER
                    + " does not match the body; check the app secret configured for this account");
        }
        try {
            List<InboundEvent> events = parser.parse(request.body());
            return WebhookResult.accepted(events);
        } catch (MalformedPayload e) {
            return WebhookResult.rejected(400, redact(e.getMessage()));
        }
    }

    @Override
    public SendResult send(OutboundMessage message) {
        SendResult result = sender.send(message);
        if (result instanceof SendResult.Failed failed) {
            log.log(Level.INFO, "WhatsApp send of {0} failed ({1}): {2}", message.messageId(),
                    failed.retryable() ? "retryable" : "permanent", redact(failed.reason()));
            return new SendResult.Failed(redact(failed.reason()), failed.retryable(), failed.retryAfter());
        }
        return result;
    }

    @Override
    public List<MessageTemplate> templates() throws ChannelException {
        try {
            return templates.approved();
        } catch (ChannelException e) {
            throw new ChannelException(redact(e.getMessage()), e.getCause());
        }
    }

    /** Asks the Graph API about the phone number: proves the token, the id and the network in one call. */
    @Override
    public ConnectionHealth health() {
        try {
            GraphResponse response = graph.get(graph.url(settings.phoneNumberId()
                    + "?fields=display_phone_number,verified_name,quality_rating"), HEALTH_TIMEOUT);
            if (response.isSuccess()) {
                return ConnectionHealth.ok();
            }
            GraphError error = response.error();
            if (response.status() == 401 || error.code() == 190) {
                return ConnectionHealth.unhealthy(redact("WhatsApp rejected the access token: " + error.describe()));
            }
            return ConnectionHealth.unhealthy(redact("WhatsApp answered HTTP " + response.status()
                    + " for phone number id " + settings.phoneNumberId() + ": " + error.describe()));
        } catch (IOException e) {
            return ConnectionHealth.unhealthy(redact("WhatsApp could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())));
        }
    }

    @Override
    public void close() {
        // Nothing to release: the HTTP client is the host's, and no background work runs.
    }

    /** Provider texts end up in the UI and logs; a secret echoed by a proxy or an error page must not. */
    private String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String secret : List.of(settings.accessToken(), settings.appSecret(), settings.verifyToken())) {
            if (secret.length() >= 4) {
                redacted = redacted.replace(secret, "[redacted]");
            }
        }
        return redacted;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    @Override
    public String toString() {
        return "WhatsappConnection[" + settings + "]";
    }
}
