package org.switchboard.portal.inbox;

import java.util.Map;

/**
 * What a bulk action did: how many conversations changed, and why the others did not (by conversation id).
 */
public record BulkResult(int changed, Map<Long, String> failed) {
}
