package org.switchboard.portal.inbox;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.conversation.Conversation;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.conversation.Message;
import org.switchboard.portal.customer.Customer;

/**
 * Full-text search for the inbox (Hibernate Search over Lucene): messages, conversation subjects and customer names
 * match any word form the analyzer knows; every word must match. Results follow relevance (best message first),
 * pass through the inbox's filters, and carry the best matching message with its words highlighted.
 */
@Service
@Transactional(readOnly = true)
public class InboxSearch {

    private static final int MAX_HITS = 500;
    private static final int SNIPPET_CHARS = 160;
    /* Private-use characters as highlight tags: they cannot occur in HTML-escaped text, so marks are added safely. */
    private static final String START = "\uE000";
    private static final String END = "\uE001";

    private final EntityManager entityManager;
    private final ConversationQueries conversations;
    private final InboxQueries inbox;

    InboxSearch(EntityManager entityManager, ConversationQueries conversations, InboxQueries inbox) {
        this.entityManager = entityManager;
        this.conversations = conversations;
        this.inbox = inbox;
    }

    /**
     * The conversations matching every word of {@code text} that the criteria's filters let through, best first.
     * The criteria's sort does not apply (relevance does).
     *
     * @param viewer the signed-in agent, or {@code null} for an unscoped search by the portal itself (then the
     *               criteria's scope must be {@link InboxScope#ALL})
     */
    public List<SearchHit> search(String text, InboxCriteria criteria, AgentView viewer, int limit) {
        String query = text == null ? "" : text.strip();
        if (query.isEmpty()) {
            return List.of();
        }
        SearchSession session = Search.session(entityManager);
        record MessageHit(long messageId, long conversationId, String snippet) {
        }
        Map<Long, MessageHit> bestMessage = new LinkedHashMap<>();
        session.search(Message.class)
                .select(f -> f.composite(f.id(Long.class), f.field("conversationId", Long.class), f.highlight("text")))
                .where(f -> f.simpleQueryString().field("text").matching(query)
                        .defaultOperator(BooleanOperator.AND))
                .highlighter(f -> f.plain().fragmentSize(SNIPPET_CHARS).numberOfFragments(1).tag(START, END))
                .fetchHits(MAX_HITS)
                .forEach(hit -> {
                    @SuppressWarnings("unchecked")
                    List<String> fragments = (List<String>) hit.get(2);
                    long conversationId = (Long) hit.get(1);
                    bestMessage.putIfAbsent(conversationId, new MessageHit((Long) hit.get(0), conversationId,
                            fragments.isEmpty() ? null : marked(fragments.getFirst())));
                });
        List<Long> ids = new ArrayList<>(bestMessage.keySet());
        session.search(Conversation.class).select(f -> f.id(Long.class))
                .where(f -> f.simpleQueryString().field("subject").matching(query)
                        .defaultOperator(BooleanOperator.AND))
                .fetchHits(MAX_HITS).stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        List<Long> customerIds = session.search(Customer.class).select(f -> f.id(Long.class))
                .where(f -> f.simpleQueryString().field("displayName").matching(query)
                        .defaultOperator(BooleanOperator.AND))
                .fetchHits(MAX_HITS);
        conversations.idsOfCustomers(customerIds).stream().filter(id -> !ids.contains(id)).forEach(ids::add);

        List<Long> shown = inbox.filter(ids, criteria, viewer).stream().limit(limit).toList();
        List<SearchHit> hits = new ArrayList<>();
        for (ConversationSummary summary : conversations.summariesInOrder(shown)) {
            MessageHit message = bestMessage.get(summary.id());
            hits.add(new SearchHit(summary, message == null ? null : message.messageId(),
                    message == null ? null : message.snippet()));
        }
        return hits;
    }

    /** Every conversation matching the words, whoever may see it (for the portal's own use and tests). */
    public List<ConversationSummary> conversations(String text, int limit) {
        return search(text, InboxCriteria.ANYTHING, null, limit).stream().map(SearchHit::conversation).toList();
    }

    /** Escapes the fragment for HTML, then turns the highlighter's tags into marks. */
    static String marked(String fragment) {
        String escaped = fragment.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
        return escaped.replace(START, "<mark>").replace(END, "</mark>");
    }
}
