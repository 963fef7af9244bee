package org.switchboard.plugin.api.channel;

/**
 * Something a channel observed: a customer's message or a status change of an earlier outbound message.
 *
 * @since 0.1.0
 */
public sealed interface InboundEvent permits InboundMessage, StatusUpdate {
}
