package org.switchboard.portal.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.portal.Await;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.outbound.OutboundDispatcher;
import org.switchboard.portal.outbound.ReplyService;

/**
 * The email channel end to end in the running portal with the real plugin JAR and a real IMAP/SMTP server
 * (GreenMail): a customer's mail arrives by IMAP without anyone sending first, the agent's reply leaves by SMTP
 * threaded to it, and the customer's answer to that reply comes back into the same conversation.
 */
@PortalTest
class EmailRoundTripTest extends PortalTest.Base {

    static final String SUPPORT = "support@example.test";
    static final String PASSWORD = "mailbox-password-" + UUID.randomUUID();

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    ReplyService replies;

    @Autowired
    OutboundDispatcher dispatcher;

    @Autowired
    ConversationQueries queries;

    @Autowired
    DataSource dataSource;

    GreenMail mail;
    JdbcTemplate jdbc;
    String accountId;

    @BeforeEach
    void mailServerAndAccount() {
        mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        mail.setUser(SUPPORT, SUPPORT, PASSWORD);
        jdbc = new JdbcTemplate(dataSource);
        accountId = accounts.create("Support mailbox " + UUID.randomUUID(), "email", Map.ofEntries(
                Map.entry("imapHost", "127.0.0.1"),
                Map.entry("imapPort", Integer.toString(mail.getImap().getPort())),
                Map.entry("imapSecurity", "none"),
                Map.entry("imapUsername", SUPPORT),
                Map.entry("imapPassword", PASSWORD),
                Map.entry("smtpHost", "127.0.0.1"),
                Map.entry("smtpPort", Integer.toString(mail.getSmtp().getPort())),
                Map.entry("smtpSecurity", "none"),
                Map.entry("fromAddress", SUPPORT),
                Map.entry("fromName", "Example Support"),
                Map.entry("pollSeconds", "1"))).id();
    }

    @AfterEach
    void stop() {
        accounts.setEnabled(accountId, false);
        mail.stop();
    }

    @Test
    void a_mail_in_a_threaded_reply_out_and_the_answer_back_into_the_same_conversation() throws Exception {
        String customer = "casey." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        send(customer, SUPPORT, "Order 4827 has not arrived", "Hello, my order 4827 has not arrived yet.", null);

        Await.until("the mail is stored", () -> count("select count(*) from message where channel_account_id = ?",
                accountId) == 1);
        Map<String, Object> in = jdbc.queryForMap("select conversation_id, body_text, external_id, identity_value"
                + " from message where channel_account_id = ?", accountId);
        long conversationId = ((Number) in.get("conversation_id")).longValue();
        assertThat(in).containsEntry("identity_value", customer)
                .containsEntry("body_text", "Hello, my order 4827 has not arrived yet.");
        String customerMessageId = (String) in.get("external_id");

        long replyId = replies.reply(conversationId, null, "Grace", "It left our warehouse this morning.", null);
        dispatcher.deliverDue();
        Await.until("the reply is sent", () -> queries.message(replyId).orElseThrow().deliveryStatus()
                == DeliveryStatus.SENT);
        MimeMessage reply = List.of(mail.getReceivedMessages()).stream()
                .filter(m -> recipients(m).contains(customer)).findFirst().orElseThrow();
        assertThat(reply.getHeader("In-Reply-To")[0]).isEqualTo("<" + customerMessageId + ">");
        assertThat(reply.getSubject()).contains("Order 4827").contains("[#" + conversationId + "]");
        String replyMessageId = reply.getMessageID();
        assertThat(jdbc.queryForObject("select external_id from message where id = ?", String.class, replyId))
                .isEqualTo(replyMessageId.substring(1, replyMessageId.length() - 1));

        send(customer, SUPPORT, "Re: " + reply.getSubject(), "Great, thanks!", replyMessageId);
        Await.until("the answer is stored", () -> count("select count(*) from message where channel_account_id = ?"
                + " and direction = 'IN'", accountId) == 2);
        assertThat(jdbc.queryForList("select distinct conversation_id from message where channel_account_id = ?",
                Long.class, accountId)).containsExactly(conversationId);
    }

    private void send(String from, String to, String subject, String text, String inReplyTo) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress(from, "Casey Customer"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText(text);
        if (inReplyTo != null) {
            message.setHeader("In-Reply-To", inReplyTo);
            message.setHeader("References", inReplyTo);
        }
        Transport.send(message);
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return java.util.Arrays.stream(message.getAllRecipients()).map(a -> ((InternetAddress) a).getAddress())
                    .toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
