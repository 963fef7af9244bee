package org.switchboard.plugins.smstwilio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ConnectionHealth;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.StatusUpdate;
import org.switchboard.plugin.api.channel.WebhookReply;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;

/**
 * One Twilio number (or Messaging Service) of one account.
 *
 * <pre>
 * POST /hooks/{accountId}          an incoming SMS/MMS  → the message; empty TwiML, so Twilio replies nothing
 * POST /hooks/{accountId}/status   a status callback    → a status update (or nothing); 200
 * </pre>
 *
 * Every request must carry a valid {@code X-Twilio-Signature} over the URL Twilio called (see {@link WebhookUrls})
 * and come from the configured account; otherwise 401 (signature) or 403 (another account).
 */
final class TwilioSmsConnection implements ChannelConnection {

    /** Empty TwiML: Twilio sends no automatic reply to the customer. */
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final TwilioSettings settings;
    private final WebhookUrls urls;
    private final TwilioSignature signature;
    private final IncomingMessages incoming;
    private final StatusCallbacks statuses;
    private final MessageSender sender;

    TwilioSmsConnection(TwilioSettings settings, WebhookUrls urls, IncomingMessages incoming,
            StatusCallbacks statuses, MessageSender sender) {
        this.settings = settings;
        this.urls = urls;
        this.signature = new TwilioSignature(settings.authToken());
        this.incoming = incoming;
        this.statuses = statuses;
        this.sender = sender;
    }

    @Override
    public WebhookResult handleWebhook(WebhookRequest request) {
        try {
            return route(request);
        } catch (RequestRefused refused) {
            return WebhookResult.rejected(refused.status(), refused.getMessage());
        }
    }

    private WebhookResult route(WebhookRequest request) throws RequestRefused {
        String path = request.subPath().equals("/") ? "" : request.subPath();
        if (!path.isEmpty() && !path.equals(WebhookUrls.STATUS_PATH)) {
            throw new RequestRefused(404, "no such endpoint: " + abbreviate(path)
                    + " (Twilio posts messages to the account's URL and statuses to /status)");
        }
        if (!request.method().equals("POST")) {
            throw new RequestRefused(405, "only POST is accepted; configure the webhook at Twilio as HTTP POST");
        }
        FormBody form = authenticate(request);
        if (path.isEmpty()) {
            return WebhookResult.accepted(List.of(incoming.read(form)), twiml());
        }
        Optional<StatusUpdate> update = statuses.read(form);
        return WebhookResult.accepted(update.<List<InboundEvent>>map(List::of).orElse(List.of()));
    }

    /** Checks the signature over the decoded form parameters, then that the request is for this account. */
    private FormBody authenticate(WebhookRequest request) throws RequestRefused {
        String given = request.header("X-Twilio-Signature").filter(s -> !s.isBlank())
                .orElseThrow(() -> new RequestRefused(401, "X-Twilio-Signature is missing"));
        Optional<String> contentType = request.header("Content-Type").map(t -> t.toLowerCase(Locale.ROOT));
        if (contentType.isPresent() && !contentType.get().startsWith("application/x-www-form-urlencoded")) {
            throw new RequestRefused(415, "expected an application/x-www-form-urlencoded body, not "
                    + abbreviate(contentType.get()));
        }
        FormBody form;
        try {
            form = FormBody.parse(request.body());
        } catch (IllegalArgumentException e) {
            throw new RequestRefused(400, "the body is not valid form data: " + e.getMessage());
        }
        if (!signature.verify(given, urls.signedUrl(request), form.values())) {
            throw new RequestRefused(401, "X-Twilio-Signature does not match; check the auth token and that the "
                    + "URL configured at Twilio is exactly " + urls.signedUrl(request));
        }
        String accountSid = form.get("AccountSid")
                .orElseThrow(() -> new RequestRefused(400, "AccountSid is missing"));
        if (!MessageDigest.isEqual(accountSid.getBytes(StandardCharsets.UTF_8),
                settings.accountSid().getBytes(StandardCharsets.UTF_8))) {
            throw new RequestRefused(403, "the request is for another Twilio account than this channel's");
        }
        return form;
    }

    private static WebhookReply twiml() {
        return new WebhookReply(200, "text/xml", EMPTY_TWIML.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Override
    public SendResult send(OutboundMessage message) {
        return sender.send(message);
    }

    @Override
    public ConnectionHealth health() {
        return sender.credentialProblem().map(ConnectionHealth::unhealthy).orElse(ConnectionHealth.ok());
    }

    @Override
    public void close() {
        // Nothing held open: HTTP goes through the host's shared client.
    }

    /** Never prints the auth token. */
    @Override
    public String toString() {
        return "TwilioSmsConnection[" + settings + "]";
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
