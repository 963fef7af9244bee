package org.switchboard.portal.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConflictRetry;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.inbox.InboxSearch;

/**
 * The group-commit writer: deliveries stored together in one transaction see each other's rows, a bad delivery
 * refuses only itself, and concurrent writes to one conversation are all stored. Batches are formed explicitly
 * ({@link InboundPipeline#storeAsOneBatch}) so that what is tested does not depend on timing.
 */
@PortalTest
class GroupCommitTest extends PortalTest.Base {

    /* Two writers (also the default), so that two of them write to one conversation at once. */
    @org.springframework.test.context.DynamicPropertySource
    static void twoWriters(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("switchboard.ingest.writers", () -> "2");
    }

    @LocalServerPort
    int port;

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    ConversationStore store;

    @Autowired
    org.switchboard.portal.conversation.ConversationWorkflow workflow;

    @Autowired
    InboxSearch search;

    @Autowired
    DataSource dataSource;

    JdbcTemplate jdbc;
    String accountId;

    @BeforeEach
    void newAccount() {
        jdbc = new JdbcTemplate(dataSource);
        accountId = accounts.create("Chat " + UUID.randomUUID(), "webchat", Map.of()).id();
    }

    @Test
    void two_messages_of_one_new_visitor_in_one_batch_make_one_customer_and_one_conversation() {
        Identity visitor = visitor();
        String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<GroupCommit.Request> batch = List.of(
                request(message(UUID.randomUUID().toString(), visitor, "Hello " + word)),
                request(message(UUID.randomUUID().toString(), visitor, "Anyone there?")),
                request(message(UUID.randomUUID().toString(), visitor(), "Someone else")));

        pipeline.storeAsOneBatch(batch);

        assertThat(batch).allSatisfy(r -> assertThat(r.done().join().stored()).isEqualTo(1));
        assertThat(count("select count(*) from customer_identity where identity_value = ?", visitor.value()))
                .isEqualTo(1);
        assertThat(count("select count(distinct c.customer_id) from message m join conversation c on c.id = "
                + "m.conversation_id where m.identity_value = ?", visitor.value())).isEqualTo(1);
        assertThat(count("select count(distinct conversation_id) from message where identity_value = ?",
                visitor.value())).isEqualTo(1);
        assertThat(count("select count(*) from message where channel_account_id = ?", accountId)).isEqualTo(3);
        assertThat(count("select count(*) from conversation_event e join conversation c on c.id = e.conversation_id "
                + "where e.event_type = 'CREATED' and c.last_channel_account_id = ?", accountId)).isEqualTo(2);
        // Committed and searchable when the callers are answered.
        assertThat(search.conversations(word, 10)).hasSize(1);
    }

    @Test
    void a_batch_writes_its_conversations_latest_state_and_wakes_a_snoozed_one() {
        // The batch's conversation updates go as one JDBC batch of its own (HeldConversationWrites), not Hibernate's.
        Identity regular = visitor();
        Identity snoozer = visitor();
        long regularConversation = conversationOf(storeFrom(regular, "first"));
        long snoozedConversation = conversationOf(storeFrom(snoozer, "first"));
        store.markRead(regularConversation);
        workflow.snooze(snoozedConversation, null, null);
        Identity newcomer = visitor();
        String last = UUID.randomUUID().toString();
        List<GroupCommit.Request> batch = List.of(
                request(message(UUID.randomUUID().toString(), regular, "second")),
                request(message(UUID.randomUUID().toString(), snoozer, "I am back")),
                request(message(UUID.randomUUID().toString(), newcomer, "Hello")),
                request(message(UUID.randomUUID().toString(), newcomer, "Anyone?")),
                request(message(last, regular, "third")));

        pipeline.storeAsOneBatch(batch);

        assertThat(batch).allSatisfy(r -> assertThat(r.done().join().stored()).isEqualTo(1));
        assertThat(jdbc.queryForObject("""
                select concat(c.unread_count, ' ', c.last_message_preview, ' ', c.last_message_id = m.id, ' ',
                c.waiting_since is not null) from conversation c
                join message m on m.channel_account_id = ? and m.external_id = ? where c.id = ?""", String.class,
                accountId, last, regularConversation))
                .as("unread, preview, latest message, waiting").isEqualTo("2 third 1 1");
        assertThat(jdbc.queryForMap("select status, snoozed_until, snooze_until_reply, unread_count,"
                + " last_message_preview from conversation where id = ?", snoozedConversation))
                .containsEntry("status", "OPEN").containsEntry("snoozed_until", null)
                .containsEntry("snooze_until_reply", false).containsEntry("unread_count", 2)
                .containsEntry("last_message_preview", "I am back");
        assertThat(jdbc.queryForList("select concat(unread_count, ' ', last_message_preview) from conversation c"
                + " join customer_identity i on i.customer_id = c.customer_id where i.identity_value = ?",
                String.class, newcomer.value())).containsExactly("2 Anyone?");
    }

    @Test
    void a_duplicate_within_a_batch_and_across_batches_is_stored_once_and_every_delivery_succeeds() {
        Identity visitor = visitor();
        String id = UUID.randomUUID().toString();
        List<GroupCommit.Request> first = List.of(request(message(id, visitor, "Only once")),
                request(message(id, visitor, "Only once")), request(message(UUID.randomUUID().toString(),
                        visitor, "Another one")));
        pipeline.storeAsOneBatch(first);
        List<GroupCommit.Request> second = List.of(request(message(id, visitor, "Only once")),
                request(message(UUID.randomUUID().toString(), visitor, "A third")));
        pipeline.storeAsOneBatch(second);

        assertThat(first.get(0).done().join()).isEqualTo(new IngestResult(1, 0, 0));
        assertThat(first.get(1).done().join()).isEqualTo(new IngestResult(0, 1, 0));
        assertThat(second.get(0).done().join()).isEqualTo(new IngestResult(0, 1, 0));
        assertThat(count("select count(*) from message where channel_account_id = ? and external_id = ?",
                accountId, id)).isEqualTo(1);
        assertThat(count("select count(*) from message where channel_account_id = ?", accountId)).isEqualTo(3);
    }

    @Test
    void concurrent_redeliveries_through_the_webhook_are_all_answered_2xx_and_stored_once() throws Exception {
        WebchatClient visitor = new WebchatClient(port, accountId).startSession();
        String id = UUID.randomUUID().toString();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(threads.submit(() -> visitor.sendWithId(id, "Sent six times", null, null)));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(count("select count(*) from message where channel_account_id = ?", accountId)).isEqualTo(1);
    }

    @Test
    void a_poison_event_in_a_batch_refuses_only_its_own_delivery() {
        // A name longer than the column: it passes the checks before queuing and fails only when flushed.
        String tooLong = "N".repeat(400);
        GroupCommit.Request good = request(message(UUID.randomUUID().toString(), visitor(), "Fine"));
        GroupCommit.Request poison = request(new InboundMessage(UUID.randomUUID().toString(), visitor(), tooLong,
                List.of(), "Poison", null, List.of(), Instant.now(), ThreadingHints.NONE, Map.of()));
        GroupCommit.Request alsoGood = request(message(UUID.randomUUID().toString(), visitor(), "Also fine"));

        pipeline.storeAsOneBatch(List.of(good, poison, alsoGood));

        assertThat(good.done().join().stored()).isEqualTo(1);
        assertThat(alsoGood.done().join().stored()).isEqualTo(1);
        assertThat(poison.done()).isCompletedExceptionally();
        assertThatThrownBy(poison.done()::join).hasCauseInstanceOf(RejectedEventException.class);
        assertThat(jdbc.queryForList("select body_text from message where channel_account_id = ? order by id",
                String.class, accountId)).containsExactly("Fine", "Also fine");
    }

    @Test
    void a_delivery_with_an_unusable_sender_is_refused_before_it_is_queued_and_stores_nothing() {
        InboundMessage fine = message(UUID.randomUUID().toString(), visitor(), "Fine");
        InboundMessage unusable = message(UUID.randomUUID().toString(), Identity.email("not an address"), "Bad");

        assertThatThrownBy(() -> pipeline.ingest(accountId, List.of(fine, unusable)))
                .isInstanceOf(RejectedEventException.class).hasMessageContaining("unusable sender");
        assertThat(count("select count(*) from message where channel_account_id = ?", accountId)).isZero();
    }

    @Test
    void concurrent_messages_to_one_conversation_are_all_stored() throws Exception {
        // One person on four browsers (four visitor ids, one email): four senders, one customer, one conversation,
        // written by both writers at once while an agent keeps assigning the conversation (each bumps its version).
        String email = "same-" + UUID.randomUUID() + "@example.com";
        long conversationId = conversationOf(storeFrom(visitor(), email, "first"));
        int senders = 4;
        int perSender = 15;
        ExecutorService threads = Executors.newFixedThreadPool(senders + 1);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                Identity sender = visitor();
                work.add(threads.submit(() -> {
                    for (int i = 0; i < perSender; i++) {
                        storeFrom(sender, email, "message " + i + " from " + sender.value());
                    }
                }));
            }
            work.add(threads.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    ConflictRetry.retry(() -> store.assign(conversationId, null, null, "test"));
                }
            }));
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(count("select count(*) from message where channel_account_id = ?", accountId))
                .isEqualTo(1 + senders * perSender);
        assertThat(count("select count(distinct conversation_id) from message where channel_account_id = ?",
                accountId)).isEqualTo(1);
        assertThat(count("select unread_count from conversation where id = ?", conversationId))
                .isEqualTo(1 + senders * perSender);
    }

    private String storeFrom(Identity sender, String text) {
        String id = UUID.randomUUID().toString();
        pipeline.ingest(accountId, List.of(message(id, sender, text)));
        return id;
    }

    private String storeFrom(Identity sender, String email, String text) {
        String id = UUID.randomUUID().toString();
        pipeline.ingest(accountId, List.of(new InboundMessage(id, sender, null, List.of(Identity.email(email)), text,
                null, List.of(), Instant.now(), ThreadingHints.NONE, Map.of())));
        return id;
    }

    private long conversationOf(String externalId) {
        return jdbc.queryForObject("select conversation_id from message where channel_account_id = ? and "
                + "external_id = ?", Long.class, accountId, externalId);
    }

    private GroupCommit.Request request(InboundEvent... events) {
        return new GroupCommit.Request(accountId, List.of(events), new CompletableFuture<>());
    }

    private static InboundMessage message(String externalId, Identity sender, String text) {
        return InboundMessage.text(externalId, sender, null, text, Instant.now());
    }

    private static Identity visitor() {
        return new Identity(IdentityKind.WEBCHAT_VISITOR, "v-" + UUID.randomUUID());
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
