package org.switchboard.portal.customer;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.audit.AuditLog;

/**
 * Merges two customer records that are one person, and undoes such a merge exactly.
 *
 * <p><b>Merge B into A</b> moves B's identities, conversations (with their messages, events and attachments, which
 * hang off the conversation), notes, tags A lacks and attribute values A lacks to A; customers merged into B earlier
 * now point at A. Tags and attribute values A has already stay on B (A's win) and come back with B on unmerge.
 * A takes B's name, language and preferred channel only where A has none. B is then marked merged into A: it is
 * no longer listed, its id resolves to A, and messages to its identities arrive at A. The merge is stored with the
 * exact ids it moved. Nothing is deleted, so no message can be lost.
 *
 * <p><b>Unmerge</b> moves exactly the recorded rows back to B (those still on A), and also conversations created
 * after the merge whose first customer message came from one of B's moved identities (they go back with those
 * identities). What else arrived after the merge stays with A: messages of B's identities that joined one of A's
 * conversations, identities linked to A, notes, tags and attribute values written on A. A value A took from B is
 * given back only if nobody changed it since. A merge whose survivor was itself merged into a third customer is
 * undone after that one.
 *
 * <p><b>Search</b>: message documents carry only their conversation id, which a merge never changes, so they need
 * no reindexing; a full-text hit on a merged customer's name leads to the survivor's conversations
 * ({@code InboxSearch}, {@link CustomerDirectory#searchByName}). Both customers' documents are reindexed.
 *
 * <p>Conversation rows are moved with a version increment, so an inbound message being stored concurrently in one of
 * them fails its optimistic check and is retried by the pipeline against the moved row.
 */
@Service
public class CustomerMerger {

    /** Audit actions (stored strings). */
    public static final String AUDIT_MERGED = "customer.merged";
    public static final String AUDIT_UNMERGED = "customer.unmerged";

    private final CustomerRepository customers;
    private final CustomerMergeRepository merges;
    private final CustomerEventRepository events;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final EntityManager entityManager;
    private final Clock clock;

    CustomerMerger(CustomerRepository customers, CustomerMergeRepository merges, CustomerEventRepository events,
            AuditLog audit, JdbcTemplate jdbc, EntityManager entityManager, Clock clock) {
        this.customers = customers;
        this.merges = merges;
        this.events = events;
        this.audit = audit;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Merges customer {@code mergedId} into {@code survivorId}.
     *
     * @throws MergeNotPossibleException the same customer twice, or either one merged already
     * @throws UnknownCustomerException  either customer does not exist
     */
    @Transactional
    public MergeRecord merge(long survivorId, long mergedId) {
        if (survivorId == mergedId) {
            throw new MergeNotPossibleException("a customer cannot be merged into itself");
        }
        lock(survivorId, mergedId);
        Customer survivor = customers.findById(survivorId).orElseThrow(() -> new UnknownCustomerException(survivorId));
        Customer merged = customers.findById(mergedId).orElseThrow(() -> new UnknownCustomerException(mergedId));
        for (Customer c : List.of(survivor, merged)) {
            if (c.isMerged()) {
                throw new MergeNotPossibleException("customer #" + c.getId() + " was already merged into customer #"
                        + c.getMergedIntoId());
            }
        }
        Instant now = clock.instant();
        String actor = Actor.current();

        Map<MergeItemType, List<Long>> items = new EnumMap<>(MergeItemType.class);
        items.put(MergeItemType.IDENTITY,
                ids("select id from customer_identity where customer_id = ?", mergedId));
        items.put(MergeItemType.CONVERSATION, ids("select id from conversation where customer_id = ?", mergedId));
        items.put(MergeItemType.NOTE, ids("select id from customer_note where customer_id = ?", mergedId));
        items.put(MergeItemType.TAG, ids("""
                select t.id from customer_tag t where t.customer_id = ? and not exists
                (select 1 from customer_tag s where s.customer_id = ? and s.tag = t.tag)""", mergedId, survivorId));
        items.put(MergeItemType.ATTRIBUTE_VALUE, ids("""
                select v.id from customer_attribute_value v where v.customer_id = ? and not exists
                (select 1 from customer_attribute_value s where s.customer_id = ? and s.attribute_id = v.attribute_id)""",
                mergedId, survivorId));
        items.put(MergeItemType.MERGED_CUSTOMER, ids("select id from customer where merged_into_id = ?", mergedId));

        move(items, survivorId, mergedId);

        boolean tookName = blank(survivor.getDisplayName()) && !blank(merged.getDisplayName());
        boolean tookLanguage = survivor.getLanguage() == null && merged.getLanguage() != null;
        boolean tookChannel = survivor.getPreferredChannelAccountId() == null
                && merged.getPreferredChannelAccountId() != null;
        if (tookName) {
            survivor.rename(merged.getDisplayName(), now);
        }
        if (tookLanguage) {
            survivor.changeLanguage(merged.getLanguage(), now);
        }
        if (tookChannel) {
            survivor.choosePreferredChannel(merged.getPreferredChannelAccountId(), now);
        }
        merged.markMergedInto(survivorId, now);

        CustomerMerge record = merges.save(new CustomerMerge(survivorId, mergedId, now, actor, tookName,
                tookLanguage, tookChannel));
        entityManager.flush(); // the items below reference the merge row by foreign key
        List<Object[]> rows = new ArrayList<>();
        items.forEach((type, ids) -> ids.forEach(id -> rows.add(new Object[] {record.getId(), type.name(), id})));
        jdbc.batchUpdate("insert into customer_merge_item (merge_id, item_type, item_id) values (?, ?, ?)", rows);

        String counts = counts(items);
        events.save(new CustomerEvent(survivorId, CustomerEventType.MERGED_IN, now, actor,
                "customer #" + mergedId + " merged in (merge #" + record.getId() + "): " + counts));
        events.save(new CustomerEvent(mergedId, CustomerEventType.MERGED_INTO, now, actor,
                "merged into customer #" + survivorId + " (merge #" + record.getId() + ")"));
        reindex(survivor, merged);
        audit.recordAfterCommit(actor, AUDIT_MERGED, "customer:" + survivorId,
                "merge #" + record.getId() + ": customer #" + mergedId + " into #" + survivorId + "; " + counts);
        return view(record, movedCounts(items));
    }

    /**
     * Undoes a merge (see the class comment for what goes back).
     *
     * @throws MergeNotPossibleException it was undone already, or its survivor has since been merged itself
     */
    @Transactional
    public MergeRecord unmerge(long mergeId) {
        CustomerMerge record = merges.findById(mergeId)
                .orElseThrow(() -> new MergeNotPossibleException("no merge #" + mergeId));
        if (record.getUnmergedAt() != null) {
            throw new MergeNotPossibleException("merge #" + mergeId + " was undone already");
        }
        long survivorId = record.getSurvivorId();
        long mergedId = record.getMergedId();
        lock(survivorId, mergedId);
        entityManager.refresh(record);
        Customer survivor = customers.findById(survivorId).orElseThrow(() -> new UnknownCustomerException(survivorId));
        Customer merged = customers.findById(mergedId).orElseThrow(() -> new UnknownCustomerException(mergedId));
        if (survivor.isMerged()) {
            throw new MergeNotPossibleException("customer #" + survivorId + " has since been merged into customer #"
                    + survivor.getMergedIntoId() + ": undo that merge first");
        }
        Instant now = clock.instant();
        String actor = Actor.current();

        Map<MergeItemType, List<Long>> items = new EnumMap<>(MergeItemType.class);
        for (MergeItemType type : MergeItemType.values()) {
            items.put(type, ids("select item_id from customer_merge_item where merge_id = ? and item_type = ?"
                    + " order by item_id", mergeId, type.name()));
        }
        List<Long> laterConversations = conversationsOfMovedIdentitiesSince(survivorId, record.getMergedAt(),
                items.get(MergeItemType.IDENTITY), items.get(MergeItemType.CONVERSATION));
        Map<MergeItemType, List<Long>> back = new EnumMap<>(items);
        List<Long> conversations = new ArrayList<>(items.get(MergeItemType.CONVERSATION));
        conversations.addAll(laterConversations);
        back.put(MergeItemType.CONVERSATION, conversations);
        move(back, mergedId, survivorId);

        if (record.tookName() && Objects.equals(survivor.getDisplayName(), merged.getDisplayName())) {
            survivor.rename(null, now);
        }
        if (record.tookLanguage() && Objects.equals(survivor.getLanguage(), merged.getLanguage())) {
            survivor.changeLanguage(null, now);
        }
        if (record.tookPreferredChannel() && Objects.equals(survivor.getPreferredChannelAccountId(),
                merged.getPreferredChannelAccountId())) {
            survivor.choosePreferredChannel(null, now);
        }
        merged.markMergedInto(null, now);
        record.undone(now, actor);

        String detail = "merge #" + mergeId + " undone: " + counts(items)
                + (laterConversations.isEmpty() ? "" : ", conversations started since=" + laterConversations.size());
        events.save(new CustomerEvent(survivorId, CustomerEventType.UNMERGED_OUT, now, actor,
                "customer #" + mergedId + " split off again; " + detail));
        events.save(new CustomerEvent(mergedId, CustomerEventType.UNMERGED, now, actor,
                "split off customer #" + survivorId + " again; " + detail));
        reindex(survivor, merged);
        audit.recordAfterCommit(actor, AUDIT_UNMERGED, "customer:" + survivorId, detail);
        return view(record, movedCounts(items));
    }

    /** The merges into or of a customer, newest first. */
    @Transactional(readOnly = true)
    public List<MergeRecord> merges(long customerId) {
        return merges.findInvolving(customerId).stream().map(m -> {
            Map<MergeItemType, Integer> moved = new EnumMap<>(MergeItemType.class);
            jdbc.query("select item_type, count(*) n from customer_merge_item where merge_id = ? group by item_type",
                    rs -> {
                        moved.put(MergeItemType.valueOf(rs.getString("item_type")), rs.getInt("n"));
                    }, m.getId());
            return view(m, moved);
        }).toList();
    }

    private void move(Map<MergeItemType, List<Long>> items, long to, long from) {
        update("update customer_identity set customer_id = :to where customer_id = :from and id in (:ids)",
                items.get(MergeItemType.IDENTITY), to, from);
        // The version increment makes a concurrent writer holding the old row retry instead of writing it back.
        update("update conversation set customer_id = :to, version = version + 1"
                + " where customer_id = :from and id in (:ids)", items.get(MergeItemType.CONVERSATION), to, from);
        update("update customer_note set customer_id = :to where customer_id = :from and id in (:ids)",
                items.get(MergeItemType.NOTE), to, from);
        update("update customer_tag set customer_id = :to where customer_id = :from and id in (:ids)",
                items.get(MergeItemType.TAG), to, from);
        update("update customer_attribute_value set customer_id = :to where customer_id = :from and id in (:ids)",
                items.get(MergeItemType.ATTRIBUTE_VALUE), to, from);
        update("update customer set merged_into_id = :to where merged_into_id = :from and id in (:ids)",
                items.get(MergeItemType.MERGED_CUSTOMER), to, from);
    }

    /** Conversations the survivor got after the merge whose first customer message came from a moved identity. */
    private List<Long> conversationsOfMovedIdentitiesSince(long survivorId, Instant since, List<Long> identityIds,
            Collection<Long> recorded) {
        if (identityIds.isEmpty()) {
            return List.of();
        }
        Set<String> moved = new HashSet<>();
        named.query("select kind, identity_value from customer_identity where id in (:ids)",
                new MapSqlParameterSource("ids", identityIds),
                rs -> {
                    moved.add(rs.getString(1) + "\u0000" + rs.getString(2));
                });
        Set<Long> skip = new HashSet<>(recorded);
        List<Long> result = new ArrayList<>();
        for (Long conversationId : ids("select id from conversation where customer_id = ? and created_at >= ?",
                survivorId, Sql.utc(since))) {
            if (skip.contains(conversationId)) {
                continue;
            }
            List<String> first = jdbc.query("""
                    select identity_kind, identity_value from message where conversation_id = ? and direction = 'IN'
                    order by created_at, id limit 1""",
                    (rs, n) -> rs.getString(1) + "\u0000" + rs.getString(2), conversationId);
            if (!first.isEmpty() && moved.contains(first.getFirst())) {
                result.add(conversationId);
            }
        }
        return result;
    }

    private void update(String sql, List<Long> ids, long to, long from) {
        for (int i = 0; i < ids.size(); i += 1000) {
            named.update(sql, new MapSqlParameterSource("to", to).addValue("from", from)
                    .addValue("ids", ids.subList(i, Math.min(ids.size(), i + 1000))));
        }
    }

    /** Row locks on both customers, in id order so two merges of the same pair cannot deadlock. */
    private void lock(long a, long b) {
        entityManager.flush();
        jdbc.queryForList("select id from customer where id in (?, ?) order by id for update", Long.class,
                Math.min(a, b), Math.max(a, b));
    }

    private List<Long> ids(String sql, Object... args) {
        return jdbc.queryForList(sql, Long.class, args);
    }

    private void reindex(Customer... changed) {
        var plan = Search.session(entityManager).indexingPlan();
        for (Customer c : changed) {
            plan.addOrUpdate(c);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String counts(Map<MergeItemType, List<Long>> items) {
        StringBuilder text = new StringBuilder();
        items.forEach((type, ids) -> text.append(text.isEmpty() ? "" : ", ")
                .append(type.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(ids.size()));
        return text.toString();
    }

    private static Map<MergeItemType, Integer> movedCounts(Map<MergeItemType, List<Long>> items) {
        Map<MergeItemType, Integer> counts = new EnumMap<>(MergeItemType.class);
        items.forEach((type, ids) -> counts.put(type, ids.size()));
        return counts;
    }

    private static MergeRecord view(CustomerMerge m, Map<MergeItemType, Integer> moved) {
        return new MergeRecord(m.getId(), m.getSurvivorId(), m.getMergedId(), m.getMergedAt(), m.getMergedBy(),
                m.getUnmergedAt(), m.getUnmergedBy(), moved);
    }
}
