package org.switchboard.portal.sla;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.switchboard.portal.conversation.Priority;

/**
 * Which policy applies to a conversation: among the enabled policies of its priority, one for its channel kind beats
 * one for every channel. Ties (which saving refuses, but two admins may race) go to the oldest policy.
 */
final class PolicyChoice {

    private PolicyChoice() {
    }

    static Optional<SlaPolicySettings> choose(List<SlaPolicySettings> policies, Priority priority, String channel) {
        Comparator<SlaPolicySettings> specificFirst = Comparator.comparing(p -> p.channel() == null);
        return policies.stream()
                .filter(p -> p.enabled() && p.priority() == priority)
                .filter(p -> p.channel() == null || p.channel().equalsIgnoreCase(channel == null ? "" : channel))
                .min(specificFirst.thenComparing(SlaPolicySettings::id,
                        Comparator.nullsLast(Comparator.naturalOrder())));
    }
}
