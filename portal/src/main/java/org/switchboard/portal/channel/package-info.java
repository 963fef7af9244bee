/**
 * Channel accounts (a configured connector: one website, one mailbox, one WhatsApp number) and their open
 * connections.
 *
 * <p>Owns the account configuration (secrets encrypted at rest) and the registry of open
 * {@link org.switchboard.plugin.api.channel.ChannelConnection}s, which are closed before their plugin stops.
 */
package org.switchboard.portal.channel;
