package org.switchboard.portal.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads for the inbox, the conversation view and dashboards: a conversation's targets and its SLA state. */
@Service
@Transactional(readOnly = true)
public class SlaQueries {

    private final ConversationSlaRepository targets;
    private final ConversationFactsReader reader;
    private final SlaProperties properties;
    private final Clock clock;
    private final SlaTriggers triggers;

    SlaQueries(ConversationSlaRepository targets, ConversationFactsReader reader, SlaProperties properties,
            Clock clock, SlaTriggers triggers) {
        this.triggers = triggers;
        this.targets = targets;
        this.reader = reader;
        this.properties = properties;
        this.clock = clock;
    }

    /** A conversation's targets, oldest first, with its state now; NONE and no targets if it has none. */
    public SlaStatus status(long conversationId) {
        var facts = reader.read(conversationId);
        Instant dueAt = facts.map(ConversationFacts::slaDueAt).orElse(null);
        boolean breached = facts.map(ConversationFacts::slaBreached).orElse(false);
        return new SlaStatus(conversationId, state(dueAt, breached), dueAt, breached,
                targets.findByConversationIdOrderByStartedAtAscIdAsc(conversationId).stream()
                        .map(ConversationSla::status).toList());
    }

    /** The state of a conversation from its {@code slaDueAt} and {@code slaBreached}, now. */
    public SlaState state(Instant slaDueAt, boolean slaBreached) {
        return SlaState.of(slaDueAt, slaBreached, clock.instant(), properties.warnBefore());
    }

    /** How long before its due time a target counts as due soon (calendar time). */
    public Duration warnBefore() {
        return properties.warnBefore();
    }

    /** Conversations waiting for (or in) an SLA evaluation on this node. */
    public int evaluationBacklog() {
        return triggers.backlog();
    }
}
