package org.switchboard.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.plugin.testkit.TestConnectionContext;
import org.switchboard.plugin.testkit.TestPluginContext;

/** Replies through a real SMTP server (GreenMail), read back as the customer's mailbox receives them. */
class SmtpSendTest {

    private static final URI WEBHOOK = URI.create("https://portal.example.test/hooks/test-account");
    private static final Identity CUSTOMER = Identity.email("ann@customer.example.org");

    private TestMailServer server;
    private TestPluginContext plugin;
    private EmailConnection connection;
    private TestConnectionContext context;

    @BeforeEach
    void open() throws ChannelException {
        server = TestMailServer.start();
        plugin = new TestPluginContext("channel-email");
        connect(server.config(true, 600));
    }

    private void connect(Map<String, String> config) throws ChannelException {
        if (connection != null) {
            connection.close();
        }
        context = new TestConnectionContext(config, WEBHOOK, plugin);
        connection = (EmailConnection) new EmailConnector().open(context);
    }

    @AfterEach
    void close() {
        connection.close();
        plugin.close();
        server.close();
    }

    private static OutboundMessage reply(String messageId, String text, String html, List<Attachment> attachments,
            ThreadingHints threading) {
        return new OutboundMessage(messageId, "42", CUSTOMER, "Agent Smith", text, html, attachments, threading);
    }

    private MimeMessage received() {
        assertThat(server.greenMail().waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] messages = server.greenMail().getReceivedMessagesForDomain("customer.example.org");
        assertThat(messages).hasSize(1);
        return messages[0];
    }

    @Test
    void reply_carries_threading_headers_subject_token_and_the_returned_message_id() throws Exception {
        ThreadingHints threading = new ThreadingHints("Where is my order?", null,
                "CAF=plain-0001@mail.customer.example.org", List.of("older-0000@customer.example.org"));
        SendResult result = connection.send(reply("m-7f3a", "Your order ships today.", null, List.of(), threading));

        assertThat(result).isEqualTo(SendResult.sent("m-7f3a@example.com"));
        MimeMessage mail = received();
        assertThat(mail.getHeader("Message-ID", null)).isEqualTo("<m-7f3a@example.com>");
        assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo("<CAF=plain-0001@mail.customer.example.org>");
        assertThat(MessageIds.parse(mail.getHeader("References", " ")))
                .containsExactly("older-0000@customer.example.org", "CAF=plain-0001@mail.customer.example.org");
        assertThat(mail.getSubject()).isEqualTo("Re: Where is my order? [#42]");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Example Support <support@example.com>");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ann@customer.example.org");
        assertThat(mail.getContentType()).startsWith("text/plain; charset=UTF-8");
        assertThat(text(mail.getInputStream())).isEqualTo("Your order ships today.");
    }

    @Test
    void subject_already_a_reply_with_its_token_is_not_prefixed_or_tokenised_again() throws Exception {
        ThreadingHints threading = new ThreadingHints("RE: Where is my order? [#42]", null, "x-1@customer.example.org",
                List.of());
        connection.send(reply("m-2", "Done.", null, List.of(), threading));
        assertThat(received().getSubject()).isEqualTo("RE: Where is my order? [#42]");
    }

    @Test
    void a_new_message_without_a_subject_gets_one_and_no_reply_prefix() throws Exception {
        connection.send(reply("m-3", "Hello Ann.", null, List.of(), ThreadingHints.NONE));
        MimeMessage mail = received();
        assertThat(mail.getSubject()).isEqualTo("Message from Example Support [#42]");
        assertThat(mail.getHeader("In-Reply-To")).isNull();
    }

    @Test
    void html_with_inline_image_and_a_file_becomes_mixed_alternative_related() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        byte[] pdf = "%PDF-1.4 invoice".getBytes(StandardCharsets.US_ASCII);
        List<Attachment> attachments = List.of(new Attachment("logo.png", "image/png", png, true, "logo-1"),
                new Attachment("Rechnung März.pdf", "application/pdf", pdf, false, null));
        connection.send(reply("m-4", "Grüße – see the invoice.", "<p>Grüße – see the <img src=\"cid:logo-1\"></p>",
                attachments, new ThreadingHints("Invoice", null, null, List.of())));

        MimeMessage mail = received();
        assertThat(mail.getContentType()).startsWith("multipart/mixed");
        MimeMultipart mixed = new MimeMultipart(mail.getDataHandler().getDataSource());
        assertThat(mixed.getCount()).isEqualTo(2);
        MimeMultipart alternative = new MimeMultipart(mixed.getBodyPart(0).getDataHandler().getDataSource());
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(text(alternative.getBodyPart(0).getInputStream())).isEqualTo("Grüße – see the invoice.");
        BodyPart relatedPart = alternative.getBodyPart(1);
        assertThat(relatedPart.getContentType()).startsWith("multipart/related");
        MimeMultipart related = new MimeMultipart(relatedPart.getDataHandler().getDataSource());
        assertThat(text(related.getBodyPart(0).getInputStream())).contains("cid:logo-1", "Grüße");
        var image = (jakarta.mail.internet.MimeBodyPart) related.getBodyPart(1);
        assertThat(image.getContentID()).isEqualTo("<logo-1>");
        assertThat(image.getInputStream().readAllBytes()).isEqualTo(png);
        BodyPart file = mixed.getBodyPart(1);
        assertThat(file.getFileName()).isEqualTo("Rechnung März.pdf");
        assertThat(file.getInputStream().readAllBytes()).isEqualTo(pdf);
    }

    @Test
    void a_retried_send_carries_the_same_message_id() throws Exception {
        OutboundMessage message = reply("m-5", "Once.", null, List.of(), ThreadingHints.NONE);
        SendResult first = connection.send(message);
        SendResult second = connection.send(message);
        assertThat(first).isEqualTo(second).isEqualTo(SendResult.sent("m-5@example.com"));
        assertThat(server.greenMail().waitForIncomingEmail(5_000, 2)).isTrue();
        assertThat(server.greenMail().getReceivedMessages()).extracting(m -> m.getHeader("Message-ID", null))
                .containsOnly("<m-5@example.com>");
    }

    @Test
    void an_unreachable_server_is_a_retryable_failure() throws Exception {
        Map<String, String> config = server.config(true, 600);
        config.put("smtpPort", String.valueOf(closedPort()));
        connect(config);
        SendResult result = connection.send(reply("m-6", "Hi", null, List.of(), ThreadingHints.NONE));
        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).contains("unreachable");
        });
    }

    @Test
    void an_invalid_recipient_address_is_a_permanent_failure_without_contacting_the_server() {
        SendResult result = connection.send(new OutboundMessage("m-8", "42", Identity.email("not an address"),
                "Agent", "Hi", null, List.of(), ThreadingHints.NONE));
        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.retryable()).isFalse());
        assertThat(server.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void the_customers_answer_to_a_reply_names_the_returned_id_in_in_reply_to() throws Exception {
        SendResult sent = connection.send(reply("m-9", "Your order ships today.", null, List.of(),
                new ThreadingHints("Where is my order?", null, "CAF=plain-0001@mail.customer.example.org",
                        List.of())));
        String outboundId = ((SendResult.Sent) sent).externalId();
        MimeMessage delivered = received();

        // The customer's client answers: quotes us, keeps the subject, refers to our Message-ID.
        String answer = "From: Ann Customer <ann@customer.example.org>\r\n"
                + "To: support@example.com\r\n"
                + "Subject: Re: " + delivered.getSubject() + "\r\n"
                + "Message-ID: <answer-1@customer.example.org>\r\n"
                + "In-Reply-To: " + delivered.getHeader("Message-ID", null) + "\r\n"
                + "References: " + delivered.getHeader("References", null) + " "
                + delivered.getHeader("Message-ID", null) + "\r\n"
                + "Date: Mon, 03 Jun 2024 12:00:00 +0000\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Great, thanks!\r\n\r\n> Your order ships today.\r\n";
        server.deliver(answer.getBytes(StandardCharsets.UTF_8));

        InboundMessage inbound = (InboundMessage) context.awaitPushed(1, Duration.ofSeconds(60)).getFirst();
        assertThat(inbound.threading().inReplyTo()).isEqualTo(outboundId);
        assertThat(inbound.threading().conversationId()).isEqualTo("42");
        assertThat(inbound.text()).isEqualTo("Great, thanks!");
    }

    private static String text(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
