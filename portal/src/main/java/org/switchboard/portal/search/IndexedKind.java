package org.switchboard.portal.search;

import org.switchboard.portal.conversation.Message;
import org.switchboard.portal.customer.Customer;
import org.switchboard.portal.knowledge.KnowledgeArticle;

/** The kinds of rows the full-text index holds: the entity, its table, and the time column (and field) set by every
 * write. */
enum IndexedKind {
    MESSAGES(Message.class, "message", "created_at", "createdAt"),
    CUSTOMERS(Customer.class, "customer", "updated_at", "updatedAt"),
    ARTICLES(KnowledgeArticle.class, "knowledge_article", "updated_at", "updatedAt");

    final Class<?> type;
    final String table;
    final String timeColumn;
    final String timeField;

    IndexedKind(Class<?> type, String table, String timeColumn, String timeField) {
        this.type = type;
        this.table = table;
        this.timeColumn = timeColumn;
        this.timeField = timeField;
    }
}
