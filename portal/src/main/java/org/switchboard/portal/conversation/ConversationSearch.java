package org.switchboard.portal.conversation;

import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.customer.Customer;

/** Finds conversations by any word of any of their messages or of their customer's name. */
@Service
@Transactional(readOnly = true)
public class ConversationSearch {

    private static final int MAX_HITS = 500;

    private final EntityManager entityManager;
    private final ConversationRepository conversations;
    private final ConversationQueries queries;

    ConversationSearch(EntityManager entityManager, ConversationRepository conversations,
            ConversationQueries queries) {
        this.entityManager = entityManager;
        this.conversations = conversations;
        this.queries = queries;
    }

    /** Conversations matching all words of the query, latest activity first, at most {@code limit}. */
    public List<ConversationSummary> search(String query, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        SearchSession session = Search.session(entityManager);
        Set<Long> ids = new LinkedHashSet<>(session.search(Message.class)
                .select(f -> f.field("conversationId", Long.class))
                .where(f -> f.simpleQueryString().field("text").matching(query.strip())
                        .defaultOperator(org.hibernate.search.engine.search.common.BooleanOperator.AND))
                .fetchHits(MAX_HITS));
        List<Long> customerIds = session.search(Customer.class)
                .select(f -> f.id(Long.class))
                .where(f -> f.simpleQueryString().field("displayName").matching(query.strip())
                        .defaultOperator(org.hibernate.search.engine.search.common.BooleanOperator.AND))
                .fetchHits(MAX_HITS);
        if (!customerIds.isEmpty()) {
            ids.addAll(conversations.findIdsByCustomerIds(customerIds));
        }
        return queries.summaries(ids).stream().limit(limit).toList();
    }
}
