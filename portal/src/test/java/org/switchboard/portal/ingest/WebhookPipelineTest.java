package org.switchboard.portal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.inbox.InboxSearch;

/** The inbound pipeline through the real HTTP endpoint, the real web-chat plugin JAR and a real MariaDB. */
@PortalTest
class WebhookPipelineTest extends PortalTest.Base {

    @LocalServerPort
    int port;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    InboxSearch search;

    @Autowired
    DataSource dataSource;

    @Autowired
    RejectedDeliveries rejected;

    @Autowired
    AuditLog audit;

    JdbcTemplate jdbc;
    String accountId;
    WebchatClient visitor;

    @BeforeEach
    void newAccountAndVisitor() throws Exception {
        jdbc = new JdbcTemplate(dataSource);
        accountId = accounts.create("Chat " + UUID.randomUUID(), "webchat", Map.of()).id();
        visitor = new WebchatClient(port, accountId).startSession();
    }

    @Test
    void a_message_is_stored_with_its_customer_and_conversation_before_the_2xx() throws Exception {
        HttpResponse<String> response = visitor.send("Hi, my order has not arrived", "Robin", null);

        assertThat(response.statusCode()).isEqualTo(200);
        // The webhooks' lean security chain keeps the response headers and never opens a session.
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        // Answered only after commit: the rows are there the moment the response is.
        Map<String, Object> row = jdbc.queryForMap("""
                select m.body_text, m.direction, m.identity_kind, c.status, cu.display_name
                from message m join conversation c on c.id = m.conversation_id join customer cu on cu.id = c.customer_id
                where m.channel_account_id = ?""", accountId);
        assertThat(row).containsEntry("body_text", "Hi, my order has not arrived").containsEntry("direction", "IN")
                .containsEntry("identity_kind", "webchat-visitor").containsEntry("status", "OPEN")
                .containsEntry("display_name", "Robin");
        assertThat(events("CREATED")).isEqualTo(1);
    }

    @Test
    void a_redelivered_message_is_acknowledged_and_stored_once() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(visitor.sendWithId(id, "Only once please", null, null).statusCode()).isEqualTo(200);
        assertThat(visitor.sendWithId(id, "Only once please", null, null).statusCode()).isEqualTo(200);

        assertThat(messageCount()).isEqualTo(1);
    }

    @Test
    void further_messages_thread_into_the_open_conversation() throws Exception {
        visitor.send("First question", null, null);
        visitor.send("And a second one", null, null);

        assertThat(jdbc.queryForObject("select count(distinct conversation_id) from message where "
                + "channel_account_id = ?", Integer.class, accountId)).isEqualTo(1);
        assertThat(messageCount()).isEqualTo(2);
    }

    @Test
    void a_wrong_visitor_token_is_refused_and_nothing_is_stored() throws Exception {
        visitor.token = "forged" + visitor.token.substring(6);
        HttpResponse<String> response = visitor.send("Let me in", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("error");
        assertThat(messageCount()).isZero();
        assertThat(audit.latest(AuditLog.WEBHOOK_SIGNATURE_REFUSED, 50))
                .anySatisfy(entry -> assertThat(entry.getTarget()).isEqualTo("channel-account:" + accountId));
    }

    @Test
    void a_malformed_payload_is_refused_with_a_reason_and_nothing_is_stored() throws Exception {
        HttpResponse<String> response = visitor.post("/messages", "{\"id\":\"x1\",\"text\":", true);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("error");
        assertThat(messageCount()).isZero();
        // Kept as received for the admin, credentials excluded.
        RejectedDeliveryView kept = rejected.latest(100).stream()
                .filter(d -> d.channelAccountId().equals(accountId)).findFirst().orElseThrow();
        assertThat(kept.status()).isEqualTo(400);
        assertThat(kept.subPath()).isEqualTo("/messages");
        assertThat(rejected.body(kept.id())).contains("{\"id\":\"x1\",\"text\":");
    }

    @Test
    void an_unknown_account_gets_404() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/hooks/" + UUID.randomUUID() + "/messages", "/hooks/not-an-id/messages",
                "/hooks/0" + UUID.randomUUID() + "/messages", "/hooks/", "/hooks")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void a_path_traversal_attempt_is_refused() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/hooks/..%2F..%2Fetc/passwd")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(400, 404);
    }

    @Test
    void an_oversized_body_gets_413_and_nothing_is_stored() throws Exception {
        String huge = "x".repeat(1024 * 1024 + 10);
        HttpResponse<String> response = visitor.send(huge, null, null);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(messageCount()).isZero();
    }

    @Test
    void a_visitor_who_gives_an_email_becomes_the_customer_with_that_email_on_any_channel() throws Exception {
        String email = "kim." + UUID.randomUUID() + "@example.com";
        visitor.send("I wrote before", "Kim", email);

        String otherAccount = accounts.create("Other site " + UUID.randomUUID(), "webchat", Map.of()).id();
        WebchatClient sameCustomerElsewhere = new WebchatClient(port, otherAccount).startSession();
        sameCustomerElsewhere.send("It's me again, on the other site", "Kim", email.toUpperCase());

        List<Long> customers = jdbc.queryForList("""
                select distinct c.customer_id from message m join conversation c on c.id = m.conversation_id
                where m.channel_account_id in (?, ?)""", Long.class, accountId, otherAccount);
        assertThat(customers).hasSize(1);
        // One conversation that moved between channels, with the switch on record.
        assertThat(jdbc.queryForObject("select count(distinct conversation_id) from message where "
                + "channel_account_id in (?, ?)", Integer.class, accountId, otherAccount)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from conversation_event e where e.event_type = 'CHANNEL_SWITCHED'
                and e.channel_account_id = ?""", Integer.class, otherAccount)).isEqualTo(1);
    }

    @Test
    void search_finds_the_conversation_by_any_word_of_any_message_including_other_forms() throws Exception {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        visitor.send("Hello there", null, null);
        visitor.send("Please resend the invoices for " + word, null, null);

        assertThat(search.conversations(word, 10)).singleElement()
                .satisfies(s -> assertThat(s.preview()).contains(word));
        // Stemming: "invoice" finds "invoices"; folding: case does not matter.
        assertThat(search.conversations("INVOICE " + word, 10)).hasSize(1);
    }

    private int messageCount() {
        return jdbc.queryForObject("select count(*) from message where channel_account_id = ?", Integer.class,
                accountId);
    }

    private int events(String type) {
        return jdbc.queryForObject("""
                select count(*) from conversation_event e join message m on m.conversation_id = e.conversation_id
                where m.channel_account_id = ? and e.event_type = ?""", Integer.class, accountId, type);
    }
}
