package org.switchboard.portal.inbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Inbox settings. (The "due soon" window of the SLA filter is the SLA warning window,
 * {@code switchboard.sla.warn-before}.)
 *
 * @param teamScoping when on, agents (not supervisors or admins) see only conversations assigned to them or routed
 *                    to one of their teams
 */
@ConfigurationProperties("switchboard.inbox")
public record InboxProperties(boolean teamScoping) {
}
