/**
 * Channels: how a plugin connects Switchboard to a messaging provider (web chat, email, WhatsApp, …).
 *
 * <p>A {@link org.switchboard.plugin.api.channel.ChannelConnector} is a stateless factory with a stable id that
 * describes a channel type and its configuration; for every configured account the host opens one
 * {@link org.switchboard.plugin.api.channel.ChannelConnection}, which turns provider webhooks into canonical
 * {@link org.switchboard.plugin.api.channel.InboundEvent}s and delivers
 * {@link org.switchboard.plugin.api.channel.OutboundMessage}s. The host never sees a provider's payload format.
 *
 * @since 0.1.0
 */
package org.switchboard.plugin.api.channel;
