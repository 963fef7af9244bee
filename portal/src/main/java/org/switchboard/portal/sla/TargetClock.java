package org.switchboard.portal.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.portal.conversation.ConversationEventType;
import org.switchboard.portal.conversation.ConversationStatus;

/**
 * One clock the SLA rules run on a conversation, from the facts alone (no policy yet): when it started, when it
 * stopped (or {@code null} while running), and whether it is current (the first response, and the resolution of the
 * latest open period; earlier periods only close targets they already have).
 */
record TargetClock(SlaTarget target, Instant startedAt, Instant stoppedAt, boolean current) {

    /**
     * The clocks of a conversation. First response: from creation to the first human reply, or to the first
     * resolution when resolved without one (resolving fulfils every running target, as in Zendesk). Resolution: from
     * creation, and again from every reopen, to the resolution that ends that period.
     */
    static List<TargetClock> of(ConversationFacts facts) {
        List<Instant> starts = new ArrayList<>();
        starts.add(facts.createdAt());
        facts.events().stream().filter(e -> e.type() == ConversationEventType.REOPENED)
                .map(ConversationFacts.Event::at).filter(at -> at.isAfter(facts.createdAt())).forEach(starts::add);
        List<Instant> resolutions = facts.events().stream().filter(e -> e.type() == ConversationEventType.RESOLVED)
                .map(ConversationFacts.Event::at).toList();

        List<TargetClock> clocks = new ArrayList<>();
        Instant firstEnd = null;
        for (int i = 0; i < starts.size(); i++) {
            Instant start = starts.get(i);
            Instant next = i + 1 < starts.size() ? starts.get(i + 1) : null;
            Instant end = resolutions.stream().filter(r -> !r.isBefore(start) && (next == null || r.isBefore(next)))
                    .findFirst().orElse(next);
            if (end == null && facts.status() == ConversationStatus.RESOLVED) {
                // Resolved without a RESOLVED event (a merge resolves the conversation merged away).
                end = facts.resolvedAt() == null ? start : facts.resolvedAt();
            }
            if (i == 0) {
                firstEnd = end;
            }
            clocks.add(new TargetClock(SlaTarget.RESOLUTION, start, end, next == null));
        }
        Instant firstResponse = facts.events().stream()
                .filter(e -> e.type() == ConversationEventType.FIRST_RESPONSE).map(ConversationFacts.Event::at)
                .findFirst().orElse(null);
        Instant frStop = firstResponse == null ? firstEnd
                : firstEnd == null || firstResponse.isBefore(firstEnd) ? firstResponse : firstEnd;
        clocks.addFirst(new TargetClock(SlaTarget.FIRST_RESPONSE, facts.createdAt(), frStop, true));
        return clocks;
    }
}
