package org.switchboard.portal.channel;

import java.util.List;
import org.springframework.stereotype.Component;
import org.switchboard.plugin.api.channel.HistoryEntry;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.MessageHistory;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.MessageDirection;
import org.switchboard.portal.customer.IdentityNormalizer;

/** A plugin's read-only view of the messages with one identity on its own account. */
final class StoreMessageHistory implements MessageHistory {

    private static final int MAX_LIMIT = 200;

    private final String accountId;
    private final ConversationQueries queries;
    private final IdentityNormalizer normalizer;

    private StoreMessageHistory(String accountId, ConversationQueries queries, IdentityNormalizer normalizer) {
        this.accountId = accountId;
        this.queries = queries;
        this.normalizer = normalizer;
    }

    @Override
    public List<HistoryEntry> recent(Identity identity, int limit) {
        int bounded = Math.max(1, Math.min(limit, MAX_LIMIT));
        return queries.recentWithIdentity(accountId, normalizer.normalize(identity), bounded).stream()
                .map(m -> new HistoryEntry(m.id(), Long.toString(m.id()), m.direction() == MessageDirection.IN,
                        m.authorName(), m.text(), m.createdAt(), m.deliveryStatus()))
                .toList();
    }

    /** Creates the history of one account. */
    @Component
    static class Factory {

        private final ConversationQueries queries;
        private final IdentityNormalizer normalizer;

        Factory(ConversationQueries queries, IdentityNormalizer normalizer) {
            this.queries = queries;
            this.normalizer = normalizer;
        }

        MessageHistory forAccount(String accountId) {
            return new StoreMessageHistory(accountId, queries, normalizer);
        }
    }
}
