package org.switchboard.portal.sla;

import java.time.Duration;
import org.switchboard.portal.conversation.Priority;

/**
 * An SLA policy as admins edit it: the targets for conversations of one priority, on any channel or on one kind.
 *
 * @param id              its id, {@code null} when new
 * @param name            e.g. "Urgent on WhatsApp"
 * @param priority        the priority it applies to
 * @param channel         the channel kind (connector id such as {@code whatsapp}, {@code email}), or {@code null}
 *                        for every channel
 * @param firstResponse   business time to the first human reply, or {@code null} for no such target
 * @param resolution      business time to resolution, or {@code null} for no such target
 * @param businessHoursId the business hours the targets count in, or {@code null} for calendar time (24/7)
 * @param enabled         whether it applies to conversations
 */
public record SlaPolicySettings(Long id, String name, Priority priority, String channel, Duration firstResponse,
        Duration resolution, Long businessHoursId, boolean enabled) {

    /** The target's business time, or {@code null} when the policy sets none. */
    public Duration target(SlaTarget target) {
        return switch (target) {
            case FIRST_RESPONSE -> firstResponse;
            case RESOLUTION -> resolution;
        };
    }
}
