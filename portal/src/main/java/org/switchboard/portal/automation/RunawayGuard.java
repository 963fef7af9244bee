package org.switchboard.portal.automation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A safety valve for loops that loop prevention cannot see: a rule and another automatic actor undoing each other
 * (a rule unassigns, the team's round robin assigns again, which is an update, so the rule unassigns again...).
 * When rules have acted on one conversation {@link #LIMIT} times within {@link #WINDOW}, its rules pause until the
 * window has passed. Only the automation worker uses it, one job at a time.
 */
@Component
class RunawayGuard {

    static final int LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int CONVERSATIONS = 10_000;

    private final Clock clock;
    private final Map<Long, Deque<Instant>> acted = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Deque<Instant>> eldest) {
            return size() > CONVERSATIONS;
        }
    };

    RunawayGuard(Clock clock) {
        this.clock = clock;
    }

    /** Whether rules may act on the conversation now. */
    boolean allows(long conversationId) {
        Deque<Instant> times = recent(conversationId);
        return times == null || times.size() < LIMIT;
    }

    /** Notes that a rule acted; returns {@code true} when this act reached the limit (say so once). */
    boolean acted(long conversationId) {
        Deque<Instant> times = acted.computeIfAbsent(conversationId, id -> new ArrayDeque<>());
        recent(conversationId);
        times.addLast(clock.instant());
        return times.size() == LIMIT;
    }

    private Deque<Instant> recent(long conversationId) {
        Deque<Instant> times = acted.get(conversationId);
        if (times != null) {
            Instant since = clock.instant().minus(WINDOW);
            while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
                times.removeFirst();
            }
        }
        return times;
    }
}
