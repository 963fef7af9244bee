package org.switchboard.portal.privacy;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.customer.Customer;
import org.switchboard.portal.customer.UnknownCustomerException;

/**
 * Erases a customer (right to erasure): the customer record and every record merged into it, their identities,
 * notes, tags, attribute values, record events, merge records and dismissed-duplicate marks, and all their
 * conversations with messages, attachments, conversation events and undelivered outbox rows; their documents leave
 * the search index. What remains is one audit entry with the customer's numeric id and counts, no personal data.
 *
 * <p>Not covered (nothing stores them per customer yet): AI enrichment data, and rejected webhook deliveries, which
 * are kept unparsed and unlinked for admins and should get their own retention.
 */
@Service
public class CustomerErasure {

    /** Audit action (stored string). */
    public static final String AUDIT_ERASED = "customer.erased";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ConversationPurge purge;
    private final EntityManager entityManager;
    private final AuditLog audit;

    CustomerErasure(JdbcTemplate jdbc, ConversationPurge purge, EntityManager entityManager, AuditLog audit) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.purge = purge;
        this.entityManager = entityManager;
        this.audit = audit;
    }

    /**
     * Erases everything held about the customer (given by its id or the id of any record merged into it).
     *
     * @throws UnknownCustomerException no such customer (perhaps erased already)
     */
    @Transactional
    @org.springframework.security.access.prepost.PreAuthorize("@roleGuard.adminOrSystem()")
    public ErasureReport erase(long customerId) {
        entityManager.flush();
        List<Long> group = CustomerGroup.of(jdbc, customerId);
        if (group.isEmpty()) {
            throw new UnknownCustomerException(customerId);
        }
        jdbc.queryForList("select id from customer where id in (" + placeholders(group) + ") for update",
                Long.class, group.toArray());
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", group);

        List<Long> conversations = named.queryForList("select id from conversation where customer_id in (:ids)", ids,
                Long.class);
        PurgeCounts purged = purge.delete(conversations);
        int values = named.update("delete from customer_attribute_value where customer_id in (:ids)", ids);
        int tags = named.update("delete from customer_tag where customer_id in (:ids)", ids);
        int notes = named.update("delete from customer_note where customer_id in (:ids)", ids);
        int events = named.update("delete from customer_event where customer_id in (:ids)", ids);
        int identities = named.update("delete from customer_identity where customer_id in (:ids)", ids);
        named.update("""
                delete from customer_merge_item where merge_id in
                (select id from customer_merge where survivor_id in (:ids) or merged_id in (:ids))""", ids);
        named.update("delete from customer_merge where survivor_id in (:ids) or merged_id in (:ids)", ids);
        named.update("""
                delete from customer_duplicate_dismissal
                where customer_low_id in (:ids) or customer_high_id in (:ids)""", ids);
        named.update("update customer set merged_into_id = null where id in (:ids)", ids);
        named.update("delete from customer where id in (:ids)", ids);

        var index = Search.session(entityManager).indexingPlan();
        group.forEach(id -> index.purge(Customer.class, id, null));

        ErasureReport report = new ErasureReport(group, identities, notes, tags, values, events, purged);
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        String actor = who == null || !who.isAuthenticated() ? "system" : who.getName();
        audit.recordAfterCommit(actor, AUDIT_ERASED, "customer:" + group.getFirst(), report.toString());
        return report;
    }

    private static String placeholders(List<Long> ids) {
        return String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    }
}
