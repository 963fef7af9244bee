package org.switchboard.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.testkit.TestConnectionContext;
import org.switchboard.plugin.testkit.TestPluginContext;

/** The mailbox loop against a real IMAP server (GreenMail): IDLE, polling, restarts, a failing portal. */
class MailboxReceiveTest {

    private static final URI WEBHOOK = URI.create("https://portal.example.test/hooks/test-account");
    // Generous: an upper bound for waiting, not a timing check (a loaded CI machine needs it).
    private static final Duration WAIT = Duration.ofSeconds(60);

    private TestMailServer server;
    private TestPluginContext plugin;
    private EmailConnection connection;

    @BeforeEach
    void startServer() {
        server = TestMailServer.start();
        plugin = new TestPluginContext("channel-email");
    }

    @AfterEach
    void stopEverything() {
        if (connection != null) {
            connection.close();
        }
        plugin.close();
        server.close();
    }

    private TestConnectionContext open(Map<String, String> config) throws ChannelException {
        TestConnectionContext context = new TestConnectionContext(config, WEBHOOK, plugin);
        connection = (EmailConnection) new EmailConnector().open(context);
        return context;
    }

    private static InboundMessage message(List<InboundEvent> events, String externalId) {
        return events.stream().map(InboundMessage.class::cast).filter(m -> m.externalId().equals(externalId))
                .findFirst().orElseThrow(() -> new AssertionError("no message " + externalId + " in " + events));
    }

    @Test
    void new_mail_arrives_through_idle_well_before_the_poll_interval() throws Exception {
        TestConnectionContext context = open(server.config(true, 600));
        await(connection::idling, "the loop enters IDLE");
        server.deliver(Samples.raw("plain.eml"));
        List<InboundEvent> events = context.awaitPushed(1, Duration.ofSeconds(5));
        InboundMessage message = message(events, "CAF=plain-0001@mail.customer.example.org");
        assertThat(message.text()).contains("where is my order 1234?");
        assertThat(connection.health().healthy()).isTrue();
    }

    @Test
    void without_idle_the_folder_is_polled() throws Exception {
        TestConnectionContext context = open(server.config(false, 1));
        Thread.sleep(300);
        server.deliver(Samples.raw("plain.eml"));
        context.awaitPushed(1, WAIT);
        assertThat(connection.idling()).isFalse();
    }

    @Test
    void every_kind_of_mail_arrives_over_imap_and_auto_replies_do_not() throws Exception {
        TestConnectionContext context = open(server.config(true, 600));
        List<String> samples = List.of("plain.eml", "alternative.eml", "attachments.eml", "inline-image.eml",
                "latin1-qp.eml", "auto-reply.eml", "gmail-reply.eml", "bounce.eml", "html-only.eml");
        for (String sample : samples) {
            server.deliver(Samples.raw(sample));
        }
        List<InboundEvent> events = context.awaitPushed(7, WAIT);
        Thread.sleep(500);
        assertThat(context.pushed()).as("auto-reply and bounce are skipped").hasSize(7);

        assertThat(message(events, "alt-0002@customer.example.org").html()).contains("<b>resend</b>")
                .doesNotContain("script");
        assertThat(message(events, "mixed-0003@customer.example.org").attachments())
                .extracting(Attachment::fileName).containsExactly("photo.jpg", "Rechnung März.pdf", "original.eml");
        Attachment image = message(events, "related-0004@customer.example.org").attachments().getFirst();
        assertThat(image.inline()).isTrue();
        assertThat(image.contentId()).isEqualTo("ii_error01");
        InboundMessage latin = message(events, "latin1-0005@admin.kth.se");
        assertThat(latin.text()).startsWith("Grüße aus München!");
        assertThat(latin.threading().subject()).isEqualTo("If you can read this you understand the example.");
        InboundMessage reply = message(events, "CAF=reply-0007@mail.customer.example.org");
        assertThat(reply.text()).isEqualTo("Thanks, that helps!");
        assertThat(reply.threading().conversationId()).isEqualTo("42");
        assertThat(reply.threading().inReplyTo()).isEqualTo("out-1@example.com");

        // Stored mail is flagged \Seen; skipped mail stays unseen for a person to look at.
        Thread.sleep(300);
        for (MimeMessage stored : server.greenMail().getReceivedMessages()) {
            boolean autoGenerated = stored.getHeader("Auto-Submitted") != null
                    || stored.getSubject().startsWith("Undelivered");
            assertThat(stored.isSet(Flags.Flag.SEEN)).as(stored.getSubject()).isEqualTo(!autoGenerated);
        }
    }

    @Test
    void first_start_fetches_unseen_mail_only_and_a_reopened_connection_continues_where_it_stopped()
            throws Exception {
        server.deliver(Samples.raw("plain.eml"));
        server.deliver(Samples.raw("alternative.eml"));
        MimeMessage alreadyRead = server.greenMail().getReceivedMessages()[1];
        alreadyRead.setFlag(Flags.Flag.SEEN, true);

        TestConnectionContext first = open(server.config(true, 600));
        List<InboundEvent> events = first.awaitPushed(1, WAIT);
        Thread.sleep(500);
        assertThat(first.pushed()).hasSize(1);
        assertThat(((InboundMessage) events.getFirst()).externalId())
                .isEqualTo("CAF=plain-0001@mail.customer.example.org");
        connection.close();

        server.deliver(Samples.raw("latin1-qp.eml"));
        TestConnectionContext second = open(server.config(true, 600));
        List<InboundEvent> afterReopen = second.awaitPushed(1, WAIT);
        Thread.sleep(500);
        assertThat(second.pushed()).as("only the mail that arrived meanwhile").hasSize(1);
        assertThat(((InboundMessage) afterReopen.getFirst()).externalId()).isEqualTo("latin1-0005@admin.kth.se");
    }

    @Test
    void mail_the_portal_could_not_store_is_offered_again_until_it_is_stored() throws Exception {
        TestConnectionContext context = open(server.config(true, 600));
        await(connection::idling, "the loop enters IDLE");
        context.failSinkWith(new IllegalStateException("database unavailable"));
        server.deliver(Samples.raw("plain.eml"));
        Thread.sleep(2_000);
        assertThat(context.pushed()).isEmpty();
        assertThat(server.greenMail().getReceivedMessages()[0].isSet(Flags.Flag.SEEN))
                .as("not flagged seen while not stored").isFalse();

        context.failSinkWith(null);
        List<InboundEvent> events = context.awaitPushed(1, WAIT);
        assertThat(((InboundMessage) events.getFirst()).externalId())
                .isEqualTo("CAF=plain-0001@mail.customer.example.org");
    }

    @Test
    void after_the_server_went_away_and_came_back_the_loop_reconnects_and_receives() throws Exception {
        TestConnectionContext context = open(server.config(true, 600));
        server.deliver(Samples.raw("plain.eml"));
        context.awaitPushed(1, WAIT);

        server.stop();
        await(() -> !connection.health().healthy(), "health reports the lost server");
        assertThat(connection.health().detail()).startsWith("IMAP: ").doesNotContain(TestMailServer.PASSWORD);

        server.startAgain();
        await(connection::idling, "the loop is back in IDLE");
        server.deliver(Samples.raw("alternative.eml"));
        List<InboundEvent> events = context.awaitPushed(2, WAIT);
        assertThat(((InboundMessage) events.getLast()).externalId()).isEqualTo("alt-0002@customer.example.org");
        assertThat(connection.health().healthy()).isTrue();
    }

    @Test
    void a_mailbox_whose_uids_started_again_under_the_same_uidvalidity_is_read_from_the_start() throws Exception {
        server.deliver(Samples.raw("plain.eml"));
        long uidValidity;
        try (jakarta.mail.Store store = jakarta.mail.Session.getInstance(new java.util.Properties()).getStore("imap")) {
            store.connect("127.0.0.1", Integer.parseInt(server.config(true, 1).get("imapPort")),
                    TestMailServer.ADDRESS, TestMailServer.PASSWORD);
            uidValidity = ((jakarta.mail.UIDFolder) store.getFolder("INBOX")).getUIDValidity();
        }
        // As if the portal had read up to UID 1000 of this folder before the server lost its mail.
        java.nio.file.Path cursor = plugin.dataDirectory().resolve("test-account").resolve("imap-cursor");
        java.nio.file.Files.createDirectories(cursor.getParent());
        java.nio.file.Files.writeString(cursor, uidValidity + " 1000\n");

        TestConnectionContext context = open(server.config(true, 600));
        List<InboundEvent> events = context.awaitPushed(1, WAIT);
        assertThat(((InboundMessage) events.getFirst()).externalId())
                .isEqualTo("CAF=plain-0001@mail.customer.example.org");
    }

    @Test
    void a_refused_login_makes_the_connection_unhealthy_without_showing_the_password() throws Exception {
        Map<String, String> config = server.config(true, 600);
        config.put("imapPassword", "wrong-password-123");
        open(config);
        await(() -> !connection.health().healthy(), "health reports the refused login");
        assertThat(connection.health().detail()).startsWith("IMAP: ").doesNotContain("wrong-password-123");
    }

    @Test
    void close_stops_the_mailbox_thread_promptly() throws Exception {
        open(server.config(true, 600));
        await(connection::idling, "the loop enters IDLE");
        long started = System.nanoTime();
        connection.close();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                thread -> thread.getName().equals("email-imap-test-account") && thread.isAlive());
        connection = null;
    }

    @Test
    void webhooks_are_refused_because_mail_arrives_by_imap() throws Exception {
        open(server.config(true, 600));
        var result = connection.handleWebhook(org.switchboard.plugin.testkit.WebhookRequests.post("", Map.of(),
                "x".getBytes(StandardCharsets.UTF_8)));
        assertThat(result).isInstanceOfSatisfying(org.switchboard.plugin.api.channel.WebhookResult.Rejected.class,
                rejected -> assertThat(rejected.status()).isEqualTo(404));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
