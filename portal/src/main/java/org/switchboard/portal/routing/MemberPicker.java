package org.switchboard.portal.routing;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Chooses among the members who are online and have room, by the team's mode. No database: easy to reason about. */
final class MemberPicker {

    /**
     * A member who could take the conversation.
     *
     * @param agentId        the agent
     * @param openTotal      their open (not resolved) assigned conversations, all channel kinds
     * @param lastAssignedAt when the router last gave them one, or null
     */
    record Candidate(long agentId, int openTotal, LocalDateTime lastAssignedAt) {
    }

    private static final Comparator<Candidate> LEAST_LOADED = Comparator.comparingInt(Candidate::openTotal)
            .thenComparing(Candidate::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(Candidate::agentId);

    private MemberPicker() {
    }

    /**
     * @param lastAssigned the round-robin pointer: the member the team assigned last (null at first)
     */
    static Optional<Candidate> pick(AssignmentMode mode, List<Candidate> candidates, Long lastAssigned) {
        return switch (mode) {
            case MANUAL -> Optional.empty();
            case LEAST_LOADED -> candidates.stream().min(LEAST_LOADED);
            case ROUND_ROBIN -> {
                // The next member after the last one in id order, wrapping around; whoever is skipped (away,
                // offline, full) simply is not among the candidates, so the turn passes to the next.
                List<Candidate> inTurn = candidates.stream().sorted(Comparator.comparingLong(Candidate::agentId))
                        .toList();
                yield inTurn.stream().filter(c -> lastAssigned == null || c.agentId() > lastAssigned).findFirst()
                        .or(() -> inTurn.stream().findFirst());
            }
        };
    }
}
