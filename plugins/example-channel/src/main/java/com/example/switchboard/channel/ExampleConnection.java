package com.example.switchboard.channel;

import java.time.Clock;
import java.util.List;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;

/**
 * One configured account. Thread-safe (no mutable state): the portal calls it from request threads and its
 * outbound dispatcher at the same time.
 */
final class ExampleConnection implements ChannelConnection {

    /** Bounds the work one request can cause before its signature is even checked. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final WebhookSignature signature;
    private final InboundReader reader = new InboundReader();
    private final OutboundPoster poster;
    private final Clock clock;

    ExampleConnection(ExampleSettings settings, PluginContext plugin) {
        this.signature = new WebhookSignature(settings.secret());
        // The portal's shared HTTP client and clock: nothing to close, and tests can control time.
        this.poster = new OutboundPoster(plugin.httpClient(), settings.outboundUrl(), signature);
        this.clock = plugin.clock();
    }

    @Override
    public WebhookResult handleWebhook(WebhookRequest request) {
        if (!request.method().equals("POST")) {
            return WebhookResult.rejected(405, "use POST");
        }
        if (request.body().length > MAX_BODY_BYTES) {
            return WebhookResult.rejected(413, "the body is larger than " + MAX_BODY_BYTES / 1024 + " KiB");
        }
        // Authenticate first, parse second.
        if (!signature.verify(request.header(WebhookSignature.HEADER).orElse(null), request.body())) {
            return WebhookResult.rejected(401, "missing or wrong " + WebhookSignature.HEADER);
        }
        try {
            InboundMessage message = reader.read(request.body(), clock.instant());
            // The portal stores the message (once per id) and only then answers 200.
            return WebhookResult.accepted(List.of(message));
        } catch (RejectedRequest refused) {
            return WebhookResult.rejected(refused.status(), refused.getMessage());
        }
    }

    @Override
    public SendResult send(OutboundMessage message) {
        return poster.send(message);
    }

    @Override
    public void close() {
        // Nothing held open: the HTTP client belongs to the portal.
    }

    /** Never prints the secret or the outbound URL. */
    @Override
    public String toString() {
        return "ExampleConnection";
    }
}
