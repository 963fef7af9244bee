package org.switchboard.portal.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.portal.Await;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.audit.AuditEntry;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.inbox.InboxSearch;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.customer.AttributeType;
import org.switchboard.portal.customer.CustomerDirectory;
import org.switchboard.portal.customer.CustomerMerger;
import org.switchboard.portal.customer.CustomerProfiles;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.customer.UnknownCustomerException;
import org.switchboard.portal.ingest.InboundPipeline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Export, erasure and retention against the real database and search index. */
@PortalTest
class PrivacyTest extends PortalTest.Base {

    @Autowired
    CustomerDataExport export;

    @Autowired
    CustomerErasure erasure;

    @Autowired
    RetentionPolicy retention;

    @Autowired
    CustomerProfiles profiles;

    @Autowired
    CustomerMerger merger;

    @Autowired
    CustomerDirectory directory;

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
        chat = inbound.account("Privacy chat");
    }

    @Test
    void the_export_holds_the_profile_identities_messages_and_attachment_files() throws IOException {
        String word = Inbound.uniqueWord();
        byte[] pdf = ("%PDF-1.4 invoice " + word).getBytes(StandardCharsets.UTF_8);
        Inbound.Written written = inbound.writes(chat, Identity.phone("+4915123456780"), "Ivy Export",
                "My invoice " + word, new Attachment("invoice 11/24.pdf", "application/pdf", pdf, false, null));
        long customer = written.customerId();
        profiles.addTag(customer, "gdpr-export");
        profiles.addNote(customer, null, "Agent", "Asked for her data");
        // A rated survey, as the CSAT package stores one after the customer answered.
        jdbc.update("""
                insert into csat_survey (id, conversation_id, customer_id, channel_account_id, resolved_at, status,
                send_after, sent_at, answered_at, rating, rating_comment, answered_via, created_at, version)
                values (?, ?, ?, ?, now(6), 'RATED', now(6), now(6), now(6), 4, ?, 'REPLY', now(6), 0)""",
                9_000_000_000L + (System.nanoTime() % 1_000_000_000L), written.conversationId(), customer, chat,
                "Quick and kind " + word);

        Map<String, byte[]> zip = unzip(export.export(customer));

        JsonNode json = JsonMapper.builder().build().readTree(zip.get("customer.json"));
        assertThat(json.get("customerId").asLong()).isEqualTo(customer);
        assertThat(json.get("customers").get(0).get("displayName").asString()).isEqualTo("Ivy Export");
        assertThat(json.get("identities").toString()).contains("+4915123456780");
        assertThat(json.get("tags").toString()).contains("gdpr-export");
        assertThat(json.get("notes").toString()).contains("Asked for her data");
        JsonNode conversation = json.get("conversations").get(0);
        assertThat(conversation.get("events").toString()).contains("CREATED");
        assertThat(conversation.get("satisfactionSurveys").get(0).get("rating").asInt()).isEqualTo(4);
        assertThat(conversation.get("satisfactionSurveys").get(0).get("ratingComment").asString())
                .isEqualTo("Quick and kind " + word);
        JsonNode message = conversation.get("messages").get(0);
        assertThat(message.get("bodyText").asString()).isEqualTo("My invoice " + word);
        JsonNode file = message.get("attachments").get(0);
        assertThat(file.get("fileName").asString()).isEqualTo("invoice 11/24.pdf");
        String path = file.get("path").asString();
        assertThat(path).startsWith("attachments/").endsWith("invoice 11_24.pdf");
        assertThat(zip.get(path)).isEqualTo(pdf);
    }

    @Test
    void erasure_leaves_nothing_findable_also_not_in_search_and_an_audit_entry_without_personal_data() {
        String word = Inbound.uniqueWord();
        String name = "Zed" + Inbound.uniqueWord();
        Inbound.Written first = inbound.writes(chat, Identity.phone("+4915123456781"), name, "Hello " + word,
                new Attachment("photo.jpg", "image/jpeg", new byte[] {1, 2, 3}, false, null));
        long customer = first.customerId();
        store.changeStatus(first.conversationId(), ConversationStatus.RESOLVED, null);
        inbound.writes(chat, Identity.phone("+4915123456781"), name, "Second conversation " + word);
        // A second record of the same person, merged in, goes too.
        long other = inbound.writes(chat, Identity.email("zed." + word + "@example.com"), null, "Mail " + word)
                .customerId();
        merger.merge(customer, other);
        profiles.addTag(customer, "erase-me");
        profiles.addNote(customer, null, "Agent", "note " + word);
        profiles.defineAttribute("erase-level", "Level", AttributeType.NUMBER, List.of());
        profiles.setAttribute(customer, "erase-level", "3");
        assertThat(search.conversations(word, 50)).isNotEmpty();
        assertThat(directory.searchByName(name, 10)).isNotEmpty();
        List<Long> conversations = jdbc.queryForList(
                "select id from conversation where customer_id = ?", Long.class, customer);
        assertThat(conversations).hasSize(3);

        ErasureReport report = erasure.erase(other);

        assertThat(report.customerIds()).containsExactly(customer, other);
        assertThat(report.conversations().conversations()).isEqualTo(3);
        assertThat(report.conversations().messages()).isEqualTo(3);
        assertThat(report.conversations().attachments()).isEqualTo(1);
        assertThat(search.conversations(word, 50)).isEmpty();
        assertThat(search.conversations(name, 50)).isEmpty();
        assertThat(directory.searchByName(name, 10)).isEmpty();
        assertThat(directory.find(customer)).isEmpty();
        assertThat(profiles.profile(customer)).isEmpty();
        for (String sql : List.of(
                "select count(*) from customer where id in (?, ?)",
                "select count(*) from customer_identity where customer_id in (?, ?)",
                "select count(*) from conversation where customer_id in (?, ?)",
                "select count(*) from customer_tag where customer_id in (?, ?)",
                "select count(*) from customer_note where customer_id in (?, ?)",
                "select count(*) from customer_attribute_value where customer_id in (?, ?)",
                "select count(*) from customer_event where customer_id in (?, ?)",
                "select count(*) from customer_merge where survivor_id in (?, ?) or merged_id in (?, ?)")) {
            Object[] args = sql.chars().filter(c -> c == '?').count() == 4
                    ? new Object[] {customer, other, customer, other} : new Object[] {customer, other};
            assertThat(jdbc.queryForObject(sql, Long.class, args)).as(sql).isZero();
        }
        Map<String, Object> none = Map.of("ids", conversations);
        assertThat(new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc).queryForObject(
                "select count(*) from message where conversation_id in (:ids)", none, Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from message where body_text like ?", Long.class,
                "%" + word + "%")).isZero();

        AuditEntry entry = audit.latest(CustomerErasure.AUDIT_ERASED, 20).stream()
                .filter(e -> ("customer:" + customer).equals(e.getTarget())).findFirst().orElseThrow();
        assertThat(entry.getDetail()).contains("messages=3").doesNotContain(name).doesNotContain(word)
                .doesNotContain("15123456781").doesNotContain("example.com");
        assertThatThrownBy(() -> erasure.erase(customer)).isInstanceOf(UnknownCustomerException.class);
        // The number writing again is a stranger now.
        assertThat(inbound.writes(chat, Identity.phone("+4915123456781"), null, "hi").customerId())
                .isNotIn(customer, other);
    }

    @Test
    void retention_deletes_only_resolved_conversations_older_than_the_period() {
        Identity visitor = new Identity(IdentityKind.WEBCHAT_VISITOR, "v-" + Inbound.uniqueWord());
        String oldWord = Inbound.uniqueWord();
        String recentWord = Inbound.uniqueWord();
        String openWord = Inbound.uniqueWord();
        Inbound.Written old = inbound.writes(chat, visitor, "Rita", "Old and resolved " + oldWord,
                new Attachment("old.txt", "text/plain", new byte[] {42}, false, null));
        store.changeStatus(old.conversationId(), ConversationStatus.RESOLVED, null);
        Inbound.Written recent = inbound.writes(chat, visitor, null, "Recent and resolved " + recentWord);
        store.changeStatus(recent.conversationId(), ConversationStatus.RESOLVED, null);
        Identity other = new Identity(IdentityKind.WEBCHAT_VISITOR, "v-" + Inbound.uniqueWord());
        Inbound.Written open = inbound.writes(chat, other, "Otto", "Old but open " + openWord);
        LocalDateTime twoYearsAgo = LocalDateTime.ofInstant(Instant.now().minus(800, ChronoUnit.DAYS), ZoneOffset.UTC);
        jdbc.update("update conversation set last_activity_at = ? where id in (?, ?)", twoYearsAgo,
                old.conversationId(), open.conversationId());

        // The purge skips rows another transaction holds (the SLA and automation work that follows a resolve, other
        // test contexts' schedulers) and takes them at its next run: run it until the old conversation is gone.
        PurgeCounts[] purged = {PurgeCounts.NONE};
        Await.until("the old conversation is purged", () -> {
            purged[0] = purged[0].plus(retention.purgeResolvedConversations(Period.ofMonths(12)));
            return ids("conversation", old.conversationId()) == 0;
        });

        assertThat(purged[0].conversations()).isGreaterThanOrEqualTo(1);
        assertThat(ids("conversation", recent.conversationId())).isOne();
        assertThat(ids("conversation", open.conversationId())).isOne();
        assertThat(jdbc.queryForObject("select count(*) from message where id = ?", Long.class, old.messageId()))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from message_attachment where message_id = ?", Long.class,
                old.messageId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from conversation_event where conversation_id = ?",
                Long.class, old.conversationId())).isZero();
        assertThat(search.conversations(oldWord, 10)).isEmpty();
        assertThat(search.conversations(recentWord, 10)).isNotEmpty();
        assertThat(search.conversations(openWord, 10)).isNotEmpty();
        // The customer stays, recognised when they write again.
        assertThat(directory.find(old.customerId())).isPresent();
        // Unset period: nothing to do.
        assertThat(retention.purgeResolvedConversations()).isEqualTo(PurgeCounts.NONE);
    }

    private long ids(String table, long id) {
        return jdbc.queryForObject("select count(*) from " + table + " where id = ?", Long.class, id);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
