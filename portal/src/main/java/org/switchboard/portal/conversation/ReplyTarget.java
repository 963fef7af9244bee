package org.switchboard.portal.conversation;

import org.switchboard.portal.customer.NormalizedIdentity;

/**
 * Where a reply goes: a channel account and the customer's identity on it.
 *
 * @param channelAccountId the account
 * @param identity         the recipient
 */
public record ReplyTarget(String channelAccountId, NormalizedIdentity identity) {
}
