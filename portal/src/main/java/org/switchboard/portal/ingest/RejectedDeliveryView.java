package org.switchboard.portal.ingest;

import java.time.Instant;

/**
 * A refused delivery as the admin list shows it.
 *
 * @param id               its id
 * @param channelAccountId the account it was addressed to
 * @param receivedAt       when
 * @param status           the 4xx we answered
 * @param reason           why
 * @param method           HTTP method
 * @param subPath          path below the account's webhook URL
 * @param remoteAddress    the sender's address
 * @param headers          the request headers, one per line, credentials hidden
 */
public record RejectedDeliveryView(long id, String channelAccountId, Instant receivedAt, int status, String reason,
        String method, String subPath, String remoteAddress, String headers) {
}
