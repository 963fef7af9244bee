package org.switchboard.plugin.api.channel;

/**
 * The live connection of one configured channel account, opened by {@link ChannelConnector#open}.
 *
 * <p>Called concurrently from request threads and the outbound dispatcher: implementations must be thread-safe.
 * The host closes a connection when the account is changed or deleted and when the plugin stops.
 *
 * @since 0.1.0
 */
public interface ChannelConnection extends AutoCloseable {

    /**
     * Handles one HTTP request that a provider (or the channel's own browser code) sent to
     * {@code /hooks/{accountId}/...}. Verifies the provider's signature, parses the payload and returns the
     * canonical events; the host stores them and only then sends the reply. Must not block for long except where
     * documented by the channel (long polling).
     *
     * <p>Return {@link WebhookResult#rejected} for anything that is not a valid request; the host then stores
     * nothing and answers with the given status and reason.
     */
    WebhookResult handleWebhook(WebhookRequest request);

    /**
     * Delivers one outbound message. Called by the host's dispatcher, possibly several times for the same message
     * after retryable failures; implementations should pass {@link OutboundMessage#messageId()} to providers that
     * support idempotency keys.
     */
    SendResult send(OutboundMessage message);

    /** The connection's own view of its health, shown to admins. */
    default ConnectionHealth health() {
        return ConnectionHealth.ok();
    }

    /** Releases provider resources. Must not throw for an already closed connection. */
    /**
     * The templates this account may send (channels with {@link ChannelCapability#TEMPLATES}); asked when an
     * agent must use one, so it may call the provider. The default has none.
     *
     * @return the templates, possibly empty
     * @throws ChannelException when the provider cannot be asked now
     * @since 0.2.0
     */
    default java.util.List<MessageTemplate> templates() throws ChannelException {
        return java.util.List.of();
    }

    @Override
    void close();
}
