package org.switchboard.portal.ingest;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.switchboard.portal.conversation.ActiveConversations;
import org.switchboard.portal.customer.KnownIdentities;
import org.switchboard.portal.customer.ResolvedCustomer;

/**
 * What one ingest transaction looked up before storing its deliveries (one query each: stored provider ids,
 * identities, the customers' open conversations, pending surveys), kept current while the batch is stored, so that
 * deduplication, identity resolution and threading see the batch's own pending rows without a query per message.
 */
final class BatchLookups {

    private final Map<String, Set<String>> storedIdsByAccount;
    private final Set<String> seen = new HashSet<>();
    private final KnownIdentities identities;
    private final ActiveConversations conversations;
    private final Set<Long> surveysLookedUp;
    private final Set<Long> awaitingSurveyAnswer;

    BatchLookups(Map<String, Set<String>> storedIdsByAccount, KnownIdentities identities,
            ActiveConversations conversations, Set<Long> surveysLookedUp, Set<Long> awaitingSurveyAnswer) {
        this.storedIdsByAccount = storedIdsByAccount;
        this.identities = identities;
        this.conversations = conversations;
        this.surveysLookedUp = new HashSet<>(surveysLookedUp);
        this.awaitingSurveyAnswer = awaitingSurveyAnswer;
    }

    /** Whether the message is new: neither stored before nor earlier in this batch (then it is remembered). */
    boolean firstTime(String accountId, String externalId) {
        if (storedIdsByAccount.getOrDefault(accountId, Set.of()).contains(externalId)) {
            return false;
        }
        return seen.add(accountId + '\u0000' + externalId);
    }

    KnownIdentities identities() {
        return identities;
    }

    ActiveConversations conversations() {
        return conversations;
    }

    /** Whether the customer's message may answer a survey; a customer new in this batch has none. */
    boolean mayAnswerSurvey(ResolvedCustomer from) {
        long id = from.customer().getId();
        if (from.created()) {
            surveysLookedUp.add(id);
            return false;
        }
        return !surveysLookedUp.contains(id) || awaitingSurveyAnswer.contains(id);
    }
}
