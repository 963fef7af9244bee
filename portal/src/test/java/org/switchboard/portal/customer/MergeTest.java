package org.switchboard.portal.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.inbox.InboxSearch;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.ingest.InboundPipeline;

/** Duplicate suggestions, merge and unmerge, against the real database and search index. */
@PortalTest
class MergeTest extends PortalTest.Base {

    @Autowired
    CustomerMerger merger;

    @Autowired
    CustomerProfiles profiles;

    @Autowired
    CustomerDirectory directory;

    @Autowired
    DuplicateSuggestions duplicates;

    @Autowired
    InboxSearch search;

    @Autowired
    ConversationStore store;

    @Autowired
    AuditLog audit;

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    Inbound inbound;
    String chat;

    @BeforeEach
    void setUp() {
        inbound = new Inbound(pipeline, accounts, jdbc);
        chat = inbound.account("Merge chat");
    }

    @Test
    void likely_duplicates_are_listed_by_each_rule_and_a_dismissed_pair_is_not_listed_again() {
        String suffix = Inbound.uniqueWord();
        // Same name, one national number under two guessed countries.
        long phoneA = inbound.writes(chat, Identity.phone("+1 201 555 0147"), "Noor " + suffix, "a").customerId();
        long phoneB = inbound.writes(chat, Identity.phone("+44 20 1555 0147"), "noor " + suffix, "b").customerId();
        // Same name, same email local part (one with a sub-address) at two domains.
        long mailA = inbound.writes(chat, Identity.email("robin.k@mail.example"), "Robin " + suffix, "c")
                .customerId();
        long mailB = inbound.writes(chat, Identity.email("Robin.K+shop@work.example"), "Robin " + suffix, "d")
                .customerId();
        // One account id reported under two kinds.
        String accountId = "US." + Inbound.uniqueWord();
        long idA = inbound.writes(chat, new Identity(new IdentityKind("whatsapp-user-id"), accountId), "Sam",
                "e").customerId();
        long idB = inbound.writes(chat, new Identity(new IdentityKind("api"), accountId), "Samuel", "f")
                .customerId();
        // Same name, unrelated numbers: no suggestion.
        long otherA = inbound.writes(chat, Identity.phone("+1 201 555 0148"), "Tao " + suffix, "g").customerId();
        long otherB = inbound.writes(chat, Identity.phone("+44 20 1555 0149"), "Tao " + suffix, "h").customerId();

        List<DuplicateSuggestion> all = duplicates.suggestions(1000);

        assertThat(pairOf(all, phoneA, phoneB).reasons()).extracting(DuplicateSuggestion.Reason::rule)
                .containsExactly(DuplicateSuggestion.Rule.SAME_NAME_AND_PHONE_NUMBER);
        assertThat(pairOf(all, mailA, mailB).reasons()).extracting(DuplicateSuggestion.Reason::rule)
                .containsExactly(DuplicateSuggestion.Rule.SAME_NAME_AND_EMAIL_LOCAL_PART);
        assertThat(pairOf(all, idA, idB).reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(DuplicateSuggestion.Rule.SHARED_ACCOUNT_ID);
            assertThat(r.evidence()).contains(accountId);
        });
        assertThat(all).noneMatch(s -> involves(s, otherA) || involves(s, otherB));
        assertThat(duplicates.suggestionsFor(phoneB)).singleElement()
                .satisfies(s -> assertThat(s.first().id()).isEqualTo(phoneA));

        duplicates.dismiss(phoneB, phoneA);

        List<DuplicateSuggestion> after = duplicates.suggestions(1000);
        assertThat(after).noneMatch(s -> involves(s, phoneA) && involves(s, phoneB));
        assertThat(after).anyMatch(s -> involves(s, mailA) && involves(s, mailB));
        assertThat(duplicates.suggestionsFor(phoneA)).isEmpty();
        // Nothing was merged by the suggestions.
        assertThat(directory.resolveId(phoneB)).contains(phoneB);
    }

    @Test
    void merge_then_unmerge_restores_exactly_including_search() {
        String wordA = Inbound.uniqueWord();
        String wordB = Inbound.uniqueWord();
        String nameB = "Bo" + Inbound.uniqueWord();
        profiles.defineAttribute("merge-tier", "Tier", AttributeType.SELECT, List.of("Gold", "Silver"));
        profiles.defineAttribute("merge-seats", "Seats", AttributeType.NUMBER, List.of());

        Inbound.Written a = inbound.writes(chat, new Identity(IdentityKind.WEBCHAT_VISITOR, "v-" + wordA), null,
                "Order question " + wordA);
        long survivor = a.customerId();
        profiles.addTag(survivor, "shared");
        profiles.addTag(survivor, "only-a");
        profiles.setAttribute(survivor, "merge-tier", "Gold");
        profiles.addNote(survivor, null, "Agent", "note on A");

        Inbound.Written b = inbound.writes(chat, Identity.phone("+4915123456790"), nameB, "Refund question " + wordB);
        long merged = b.customerId();
        profiles.addIdentity(merged, "email", "bo." + wordB + "@example.com");
        profiles.addTag(merged, "shared");
        profiles.addTag(merged, "only-b");
        profiles.setAttribute(merged, "merge-tier", "Silver");
        profiles.setAttribute(merged, "merge-seats", "5");
        profiles.addNote(merged, null, "Agent", "note on B");
        profiles.setLanguage(merged, "de");

        Map<String, List<Long>> beforeA = snapshot(survivor);
        Map<String, List<Long>> beforeB = snapshot(merged);
        assertThat(searchCustomers(wordB)).containsExactly(merged);

        MergeRecord record = merger.merge(survivor, merged);

        assertThat(record.moved()).containsEntry(MergeItemType.IDENTITY, 2).containsEntry(MergeItemType.CONVERSATION, 1)
                .containsEntry(MergeItemType.NOTE, 1).containsEntry(MergeItemType.TAG, 1)
                .containsEntry(MergeItemType.ATTRIBUTE_VALUE, 1);
        // B keeps only what A had already (A's tag and attribute value win); everything else moved.
        Map<String, List<Long>> left = snapshot(merged);
        assertThat(left.get("customer_identity")).isEmpty();
        assertThat(left.get("conversation")).isEmpty();
        assertThat(left.get("customer_note")).isEmpty();
        assertThat(left.get("customer_tag")).hasSize(1);
        assertThat(left.get("customer_attribute_value")).hasSize(1);
        CustomerProfile joined = profiles.profile(merged).orElseThrow();
        assertThat(joined.id()).isEqualTo(survivor);
        assertThat(joined.displayName()).isEqualTo(nameB);
        assertThat(joined.language()).isEqualTo("de");
        assertThat(joined.tags()).containsExactly("only-a", "only-b", "shared");
        assertThat(joined.attributes()).containsEntry("merge-tier", "Gold").containsEntry("merge-seats", "5");
        assertThat(joined.notes()).extracting(CustomerProfile.Note::text).contains("note on A", "note on B");
        assertThat(joined.identities()).extracting(CustomerProfile.Identity::value).contains("+4915123456790");
        assertThat(directory.resolveId(merged)).contains(survivor);
        assertThat(directory.latest(10_000)).extracting(CustomerSummary::id).contains(survivor)
                .doesNotContain(merged);
        assertThat(searchCustomers(wordB)).containsExactly(survivor);
        assertThat(searchCustomers(wordA)).containsExactly(survivor);
        assertThat(search.conversations(nameB, 50)).extracting(ConversationSummary::id)
                .contains(a.conversationId(), b.conversationId());
        assertThat(directory.searchByName(nameB, 10)).extracting(CustomerSummary::id).containsExactly(survivor);
        assertThat(audit.latest(CustomerMerger.AUDIT_MERGED, 50))
                .anyMatch(e -> e.getDetail().contains("merge #" + record.id() + ":"));
        assertThat(joined.events()).extracting(CustomerProfile.Event::type).contains(CustomerEventType.MERGED_IN);

        // After the merge B's number writes again, starting a new conversation (the old ones are resolved): it goes
        // back with the number on unmerge.
        store.changeStatus(a.conversationId(), ConversationStatus.RESOLVED, null);
        store.changeStatus(b.conversationId(), ConversationStatus.RESOLVED, null);
        Inbound.Written later = inbound.writes(chat, Identity.phone("+49 151 23456790"), null,
                "Still waiting " + wordB);
        assertThat(later.customerId()).isEqualTo(survivor);
        assertThat(later.conversationId()).isNotIn(a.conversationId(), b.conversationId());

        MergeRecord undone = merger.unmerge(record.id());

        assertThat(undone.active()).isFalse();
        assertThat(snapshot(survivor)).isEqualTo(beforeA);
        Map<String, List<Long>> expectedB = new TreeMap<>(beforeB);
        expectedB.put("conversation", sorted(beforeB.get("conversation"), later.conversationId()));
        assertThat(snapshot(merged)).isEqualTo(expectedB);
        CustomerProfile restoredA = profiles.profile(survivor).orElseThrow();
        CustomerProfile restoredB = profiles.profile(merged).orElseThrow();
        assertThat(restoredA.displayName()).isNull();
        assertThat(restoredA.language()).isNull();
        assertThat(restoredA.tags()).containsExactly("only-a", "shared");
        assertThat(restoredA.attributes()).containsExactly(Map.entry("merge-tier", "Gold"));
        assertThat(restoredB.id()).isEqualTo(merged);
        assertThat(restoredB.displayName()).isEqualTo(nameB);
        assertThat(restoredB.language()).isEqualTo("de");
        assertThat(restoredB.tags()).containsExactly("only-b", "shared");
        assertThat(restoredB.attributes()).containsEntry("merge-tier", "Silver").containsEntry("merge-seats", "5");
        assertThat(directory.resolveId(merged)).contains(merged);
        assertThat(searchCustomers(wordB)).containsOnly(merged);
        assertThat(searchCustomers(wordA)).containsExactly(survivor);
        assertThat(search.conversations(nameB, 50)).extracting(ConversationSummary::id)
                .contains(b.conversationId(), later.conversationId()).doesNotContain(a.conversationId());
        assertThat(inbound.writes(chat, Identity.phone("+4915123456790"), null, "again").customerId())
                .isEqualTo(merged);
        assertThat(audit.latest(CustomerMerger.AUDIT_UNMERGED, 50))
                .anyMatch(e -> e.getDetail().contains("merge #" + record.id() + " undone"));
        assertThat(merger.merges(merged)).singleElement().satisfies(m -> assertThat(m.active()).isFalse());
        assertThatThrownBy(() -> merger.unmerge(record.id())).isInstanceOf(MergeNotPossibleException.class);
    }

    @Test
    void merging_never_loses_a_message() {
        Inbound.Written a = inbound.writes(chat, Identity.phone("+4915123456791"), "Gil", "one");
        Inbound.Written b = inbound.writes(chat, Identity.phone("+4915123456792"), "Gil", "two");
        inbound.writes(chat, Identity.phone("+4915123456792"), "Gil", "three");
        long total = count("select count(*) from message");

        merger.merge(a.customerId(), b.customerId());

        assertThat(count("select count(*) from message")).isEqualTo(total);
        assertThat(count("select count(*) from message m join conversation c on c.id = m.conversation_id"
                + " where c.customer_id = " + a.customerId())).isEqualTo(3);
    }

    @Test
    void impossible_merges_are_refused_and_change_nothing() {
        long a = inbound.writes(chat, Identity.phone("+4915123456793"), "Hal", "x").customerId();
        long b = inbound.writes(chat, Identity.phone("+4915123456794"), "Hal", "y").customerId();
        long c = inbound.writes(chat, Identity.phone("+4915123456795"), "Hal", "z").customerId();

        assertThatThrownBy(() -> merger.merge(a, a)).isInstanceOf(MergeNotPossibleException.class);
        assertThatThrownBy(() -> merger.merge(a, 987_654_321L)).isInstanceOf(UnknownCustomerException.class);
        MergeRecord first = merger.merge(a, b);
        assertThatThrownBy(() -> merger.merge(c, b)).isInstanceOf(MergeNotPossibleException.class)
                .hasMessageContaining("already merged");
        // a merged into c: undoing b's merge into a must wait until a is split off c again.
        merger.merge(c, a);
        assertThat(directory.resolveId(b)).contains(c);
        assertThatThrownBy(() -> merger.unmerge(first.id())).isInstanceOf(MergeNotPossibleException.class)
                .hasMessageContaining("undo that merge first");
    }

    private List<Long> searchCustomers(String word) {
        return search.conversations(word, 50).stream().map(ConversationSummary::customerId).distinct().toList();
    }

    private Map<String, List<Long>> snapshot(long customerId) {
        Map<String, List<Long>> rows = new TreeMap<>();
        for (String table : List.of("customer_identity", "conversation", "customer_note", "customer_tag",
                "customer_attribute_value")) {
            rows.put(table.equals("conversation") ? "conversation" : table, jdbc.queryForList(
                    "select id from " + table + " where customer_id = ? order by id", Long.class, customerId));
        }
        return rows;
    }

    private static List<Long> sorted(List<Long> ids, long extra) {
        List<Long> all = new java.util.ArrayList<>(ids);
        all.add(extra);
        all.sort(null);
        return all;
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static DuplicateSuggestion pairOf(List<DuplicateSuggestion> all, long x, long y) {
        return all.stream().filter(s -> involves(s, x) && involves(s, y)).findFirst()
                .orElseThrow(() -> new AssertionError("no suggestion for " + x + " and " + y + " in " + all));
    }

    private static boolean involves(DuplicateSuggestion s, long id) {
        return s.first().id() == id || s.second().id() == id;
    }
}
