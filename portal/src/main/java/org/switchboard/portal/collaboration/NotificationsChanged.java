package org.switchboard.portal.collaboration;

import java.util.Set;

/**
 * Published when agents' notifications changed (new ones, or read); after commit their bells refresh.
 *
 * @param agentIds whose notifications changed
 */
record NotificationsChanged(Set<Long> agentIds) {
}
