package org.switchboard.portal.conversation;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one ingest transaction knows about customers' unresolved conversations: each customer's latest one, looked
 * up in one query before a batch of messages is threaded, then kept current as the batch threads messages (a
 * conversation the batch creates or writes to is that customer's latest). Threading against it sees the batch's own
 * pending rows without a query per message.
 *
 * <p>A customer it has not looked up is looked up by the threader as before. Valid for one transaction only.
 */
public final class ActiveConversations {

    private final Map<Long, Optional<Conversation>> latest = new HashMap<>();
    /* Rows nobody else can write before this transaction ends: locked by the look-up, or inserted by it. */
    private final Set<Conversation> held = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Knows nothing: every customer's conversation is looked up when threaded. */
    public ActiveConversations() {
    }

    boolean covers(long customerId) {
        return latest.containsKey(customerId);
    }

    Optional<Conversation> of(long customerId) {
        return latest.getOrDefault(customerId, Optional.empty());
    }

    void found(long customerId, Conversation conversation) {
        latest.put(customerId, Optional.ofNullable(conversation));
    }

    /** The transaction holds this conversation's row: it locked it, or created it. */
    void hold(Conversation conversation) {
        held.add(conversation);
    }

    Set<Conversation> held() {
        return held;
    }

    /**
     * Forgets a customer, so their next message is threaded by a query: after a write this class does not follow
     * (a survey answer stored by the CSAT package).
     */
    public void forget(long customerId) {
        latest.remove(customerId);
    }
}
