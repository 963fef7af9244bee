package org.switchboard.portal.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Inbox settings.
 *
 * @param teamScoping   when on, agents (not supervisors or admins) see only conversations assigned to them or routed to
 *                      one of their teams
 * @param dueSoonWithin how close an SLA due time must be for the "due soon" filter (the SLA warnings use the same)
 */
@ConfigurationProperties("switchboard.inbox")
public record InboxProperties(boolean teamScoping, Duration dueSoonWithin) {

    public InboxProperties {
        dueSoonWithin = dueSoonWithin == null ? Duration.ofMinutes(15) : dueSoonWithin;
    }
}
