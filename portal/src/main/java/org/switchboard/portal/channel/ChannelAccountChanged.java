package org.switchboard.portal.channel;

/**
 * An account's configuration or state changed (published inside the changing transaction).
 *
 * @param accountId the account
 */
public record ChannelAccountChanged(String accountId) {
}
