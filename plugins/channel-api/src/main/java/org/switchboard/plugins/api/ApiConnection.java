package org.switchboard.plugins.api;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import java.time.Clock;
import java.util.List;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ConnectionContext;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.WebhookReply;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;

/**
 * One integrated system.
 *
 * <pre>
 * POST ""  or /messages   one message, or {"messages":[…]} → {"accepted":["id", …]}
 * POST /status            {"messageId","status","reason"?,"at"?} → {"ok":true}
 * </pre>
 *
 * Every request must be signed (see {@link Signature}); the signature is checked over the raw body before it is
 * parsed.
 */
final class ApiConnection implements ChannelConnection {

    /** A full batch of messages with attachments is large; this bounds the work per request. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final Signature signature;
    private final Clock clock;
    private final MessageReader messages = new MessageReader();
    private final StatusReader statuses = new StatusReader();
    private final CallbackSender sender;

    ApiConnection(ApiSettings settings, ConnectionContext context) {
        this.signature = new Signature(settings.signingSecret());
        this.clock = context.plugin().clock();
        this.sender = new CallbackSender(context.plugin().httpClient(), settings.callbackUrl(), signature, clock);
    }

    @Override
    public WebhookResult handleWebhook(WebhookRequest request) {
        try {
            return route(request);
        } catch (InvalidRequest refused) {
            return WebhookResult.rejected(refused.status(), refused.getMessage());
        }
    }

    private WebhookResult route(WebhookRequest request) throws InvalidRequest {
        String path = request.subPath();
        boolean toMessages = path.isEmpty() || path.equals("/") || path.equals("/messages");
        boolean toStatus = path.equals("/status");
        if (!toMessages && !toStatus) {
            throw new InvalidRequest(404, "no such resource; POST to /messages or /status");
        }
        if (!request.method().equals("POST")) {
            throw new InvalidRequest(405, "use POST");
        }
        if (request.body().length > MAX_BODY_BYTES) {
            throw new InvalidRequest(413, "the body is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MiB");
        }
        signature.verify(request, clock.instant());
        JsonFields body = JsonFields.parse(request.body());
        if (toStatus) {
            return WebhookResult.accepted(List.of(statuses.read(body, clock.instant())),
                    WebhookReply.json(Json.object().add("ok", true).toString()));
        }
        List<InboundMessage> read = messages.read(body, clock.instant());
        JsonArray ids = Json.array();
        read.forEach(message -> ids.add(message.externalId()));
        return WebhookResult.accepted(List.copyOf(read),
                WebhookReply.json(Json.object().add("accepted", ids).toString()));
    }

    @Override
    public SendResult send(OutboundMessage message) {
        return sender.send(message);
    }

    @Override
    public void close() {
        // nothing held open
    }

    /** Never prints the signing secret or the callback URL. */
    @Override
    public String toString() {
        return "ApiConnection";
    }
}
