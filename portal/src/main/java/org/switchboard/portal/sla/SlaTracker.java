package org.switchboard.portal.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.portal.conversation.ConflictRetry;
import org.switchboard.portal.conversation.ConversationEventType;
import org.switchboard.portal.conversation.ConversationWorkflow;

/**
 * Keeps each conversation's SLA targets in step with the conversation: creates them from the chosen policy, closes
 * them when met, re-targets running ones when the policy changes, records a warning when one comes close and a
 * breach when one is missed (each once per target), and hands the summary (earliest due time, breached) to the
 * conversation for the inbox.
 *
 * <p>{@link #evaluate} is idempotent: evaluating a conversation twice changes nothing the second time. It runs in
 * its own transaction; a concurrent evaluation of the same conversation makes one of them fail on the version
 * check, and that one is simply evaluated again later.
 */
@Service
public class SlaTracker {

    private static final Logger log = LoggerFactory.getLogger(SlaTracker.class);
    private static final int BATCH = 200;

    private final ConversationFactsReader reader;
    private final ConversationSlaRepository targets;
    private final SlaSettings settings;
    private final ConversationWorkflow workflow;
    private final SlaProperties properties;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    SlaTracker(ConversationFactsReader reader, ConversationSlaRepository targets, SlaSettings settings,
            ConversationWorkflow workflow, SlaProperties properties, Clock clock,
            PlatformTransactionManager transactions) {
        this.reader = reader;
        this.targets = targets;
        this.settings = settings;
        this.workflow = workflow;
        this.properties = properties;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Evaluates a conversation now. */
    public void evaluate(long conversationId) {
        evaluate(conversationId, clock.instant());
    }

    /**
     * Evaluates a conversation as of {@code now}: targets created, met, re-targeted, warned about or breached, and
     * the summary stored on the conversation. A conversation that no longer exists is ignored.
     */
    public void evaluate(long conversationId, Instant now) {
        // Two evaluators of one conversation (a trigger and the sweep, or two nodes) meet the version check; the
        // later one simply evaluates again on the fresh rows.
        ConflictRetry.retry(() -> ownTransaction.executeWithoutResult(status -> reader.read(conversationId)
                .ifPresent(facts -> apply(facts, now))));
    }

    /**
     * Evaluates many conversations (the changes that queued up while the previous evaluation ran). One query tells
     * which of them can have a target at all; only those are evaluated, each in its own transaction as in
     * {@link #evaluate(long)}, so one that fails does not undo the others.
     *
     * @return the conversations whose evaluation failed (all of them if the first query did)
     */
    public Set<Long> evaluateAll(Collection<Long> conversationIds) {
        Instant now = clock.instant();
        List<Long> concerned = ownTransaction.execute(status -> reader.candidates(conversationIds).stream()
                .filter(c -> mayHaveTarget(settings.policyFor(c.priority(), c.channelKind()), c.running()))
                .map(SlaCandidate::id).toList());
        Set<Long> failed = new LinkedHashSet<>();
        for (Long id : concerned) {
            try {
                evaluate(id, now);
            } catch (RuntimeException e) {
                failed.add(id);
                log.warn("SLA evaluation of conversation {} failed; trying again at the next check: {}", id,
                        e.toString());
            }
        }
        return failed;
    }

    /* No policy sets a target, and none runs (a running one sets the due time, in the same transaction). */
    private static boolean mayHaveTarget(Optional<SlaPolicySettings> policy, boolean running) {
        return policy.isPresent() || running;
    }

    /**
     * Checks every conversation with an unmet target that is past due or within the warning window as of
     * {@code now} (the scheduler passes the clock's time). Each is evaluated on its own; one that fails is logged
     * and comes up again at the next check.
     *
     * @return how many conversations were evaluated
     */
    public int sweep(Instant now) {
        Set<Long> seen = new HashSet<>();
        int evaluated = 0;
        while (true) {
            List<Long> due = targets.findConversationsToCheck(now, now.plus(properties.warnBefore()),
                    Limit.of(BATCH));
            List<Long> fresh = due.stream().filter(seen::add).toList();
            for (Long id : fresh) {
                try {
                    evaluate(id, now);
                    evaluated++;
                } catch (RuntimeException e) {
                    log.warn("SLA check of conversation {} failed; trying again at the next check: {}", id,
                            e.toString());
                }
            }
            if (fresh.isEmpty() || due.size() < BATCH) {
                return evaluated;
            }
        }
    }

    private void apply(ConversationFacts facts, Instant now) {
        Optional<SlaPolicySettings> policy = settings.policyFor(facts.priority(), facts.channelKind());
        if (!mayHaveTarget(policy, facts.slaDueAt() != null || facts.slaBreached())) {
            return;
        }
        BusinessCalendar calendar = policy.map(settings::calendarOf).orElse(null);
        Map<Key, ConversationSla> existing = new HashMap<>();
        targets.findByConversationIdOrderByStartedAtAscIdAsc(facts.id())
                .forEach(row -> existing.put(new Key(row.getTarget(), row.getStartedAt()), row));

        List<ConversationSla> kept = new ArrayList<>();
        List<TargetClock> clocks = TargetClock.of(facts);
        for (TargetClock timer : clocks) {
            ConversationSla row = existing.remove(new Key(timer.target(), timer.startedAt()));
            Duration allowed = policy.map(p -> p.target(timer.target())).orElse(null);
            if (row == null) {
                if (!timer.current() || allowed == null) {
                    continue;
                }
                row = targets.save(new ConversationSla(facts.id(), timer.target(), policy.get(), timer.startedAt(),
                        due(calendar, timer.startedAt(), allowed)));
                if (timer.stoppedAt() != null) {
                    row.met(timer.stoppedAt());
                }
            } else if (row.getMetAt() == null) {
                if (timer.stoppedAt() != null) {
                    row.met(timer.stoppedAt());
                } else if (allowed == null) {
                    // No policy sets this target any more (priority or channel changed, policy disabled).
                    targets.delete(row);
                    continue;
                } else {
                    Instant dueAt = due(calendar, timer.startedAt(), allowed);
                    SlaPolicySettings chosen = policy.get();
                    if (!Objects.equals(row.getPolicyId(), chosen.id()) || !row.getPolicyName().equals(chosen.name())
                            || !row.getDueAt().equals(dueAt)) {
                        row.retarget(chosen, dueAt, now, properties.warnBefore());
                    }
                }
            }
            judge(facts.id(), row, now);
            kept.add(row);
        }
        // Running targets whose clock no longer exists are stale; met ones stay as history.
        existing.values().forEach(row -> {
            if (row.getMetAt() == null) {
                targets.delete(row);
            } else {
                kept.add(row);
            }
        });
        Instant currentPeriod = clocks.getLast().startedAt();
        summarize(facts, kept, currentPeriod);
    }

    /* Warn once when a running target comes close; breach once when it is missed (met late counts too). */
    private void judge(long conversationId, ConversationSla row, Instant now) {
        if (row.getBreachedAt() == null && row.missedBy(now)) {
            row.breached();
            workflow.recordEvent(conversationId, ConversationEventType.SLA_BREACHED, null, describe(row));
        } else if (row.getMetAt() == null && row.getBreachedAt() == null && row.getWarnedAt() == null
                && !row.getDueAt().minus(properties.warnBefore()).isAfter(now)) {
            row.warned(now);
            workflow.recordEvent(conversationId, ConversationEventType.SLA_WARNING, null, describe(row));
        }
    }

    /* Breached: the first response or the current open period's resolution was missed (earlier periods are history). */
    private void summarize(ConversationFacts facts, List<ConversationSla> rows, Instant currentPeriod) {
        Instant dueAt = rows.stream().filter(r -> r.getMetAt() == null).map(ConversationSla::getDueAt)
                .min(Comparator.naturalOrder()).orElse(null);
        boolean breached = rows.stream().filter(r -> r.getTarget() == SlaTarget.FIRST_RESPONSE
                || r.getStartedAt().equals(currentPeriod)).anyMatch(r -> r.getBreachedAt() != null);
        if (!Objects.equals(dueAt, facts.slaDueAt()) || breached != facts.slaBreached()) {
            workflow.updateSla(facts.id(), dueAt, breached);
        }
    }

    /* Microseconds, as the database keeps them: a due time read back must equal the one computed. */
    private static Instant due(BusinessCalendar calendar, Instant start, Duration allowed) {
        return calendar.addBusinessTime(start, allowed).truncatedTo(ChronoUnit.MICROS);
    }

    static String describe(ConversationSla row) {
        return row.getTarget().label() + ", policy \"" + row.getPolicyName() + "\", due " + row.getDueAt()
                + (row.getMetAt() == null ? "" : ", met " + row.getMetAt());
    }

    private record Key(SlaTarget target, Instant startedAt) {
    }
}
