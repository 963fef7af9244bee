package org.switchboard.portal.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationOperationException;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.conversation.MessageDirection;
import org.switchboard.portal.conversation.MessageView;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.customerdata.CustomerDataSources;
import org.switchboard.portal.ingest.InboundPipeline;
import org.switchboard.portal.outbound.OutboundDispatcher;
import org.switchboard.portal.outbound.ReplyNotPossibleException;
import org.switchboard.portal.outbound.ReplyService;
import org.switchboard.portal.privacy.CustomerDataExport;
import org.switchboard.portal.Await;

/**
 * Notes, mentions and their notifications, and canned responses, against the running portal and its database.
 */
@PortalTest
class CollaborationServicesTest extends PortalTest.Base {

    static final String ORDERS = """
            [{"number":"4711","status":"delivered","updated_at":"2026-10-01T10:00:00Z"},
             {"number":"4827","status":"shipped","updated_at":"2026-11-22T18:00:00Z"}]""";

    @Autowired
    PrivateNotes notes;

    @Autowired
    AgentNotifications notifications;

    @Autowired
    CannedResponses canned;

    @Autowired
    CannedResponseRenderer renderer;

    @Autowired
    AgentDirectory agents;

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    ConversationQueries queries;

    @Autowired
    ReplyService replies;

    @Autowired
    OutboundDispatcher dispatcher;

    @Autowired
    CustomerDataExport export;

    @Autowired
    CustomerDataSources dataSources;

    @Autowired
    AuditLog audit;

    @Autowired
    DataSource dataSource;

    JdbcTemplate jdbc;
    ProviderStub shop;

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void closeShop() {
        if (shop != null) {
            dataSources.list().forEach(s -> dataSources.setEnabled(s.id(), false));
            shop.close();
        }
    }

    @Test
    void a_note_is_stored_as_a_note_never_sent_never_exported_and_not_an_answer() throws Exception {
        AgentView ana = agent(Role.AGENT);
        AgentView ben = agent(Role.AGENT);
        long conversation = customerWrites("Pat Note", null, "My parcel is late");
        long customer = summary(conversation).customerId();
        Instant waitingBefore = waitingSince(conversation);
        assertThat(waitingBefore).isNotNull();

        NoteAdded added = notes.add(conversation, ana, "Carrier confirmed a delay, @" + ben.displayName()
                + " please call them");

        MessageView note = queries.message(added.messageId()).orElseThrow();
        assertThat(note.direction()).isEqualTo(MessageDirection.NOTE);
        assertThat(note.authorName()).isEqualTo(ana.displayName());
        assertThat(note.authorAgentId()).isEqualTo(ana.id());
        assertThat(note.channelAccountId()).isNull();
        assertThat(note.identity()).isNull();
        assertThat(note.deliveryStatus()).isNull();
        assertThat(count("select count(*) from outbox where message_id = ?", added.messageId())).isZero();
        dispatcher.deliverDue();
        assertThat(queries.message(added.messageId()).orElseThrow().deliveryStatus()).isNull();

        // Recorded with its mention; not a reply: no first response, the customer still waits, still unread.
        assertThat(jdbc.queryForList("select event_type from conversation_event where conversation_id = ?",
                String.class, conversation)).contains("NOTE_ADDED").doesNotContain("FIRST_RESPONSE", "AGENT_REPLY");
        assertThat(jdbc.queryForObject("select detail from conversation_event where conversation_id = ? and"
                + " event_type = 'NOTE_ADDED'", String.class, conversation)).isEqualTo("mentions #" + ben.id());
        assertThat(waitingSince(conversation)).isEqualTo(waitingBefore);
        ConversationSummary row = summary(conversation);
        assertThat(row.unreadCount()).isEqualTo(1);
        assertThat(row.preview()).isEqualTo("Note: Carrier confirmed a delay, @" + ben.displayName()
                + " please call them");
        assertThat(row.channelAccountId()).isEqualTo(queries.detail(conversation).orElseThrow().messages()
                .getFirst().channelAccountId());

        // What channels show the customer (their history API) and the customer's data export leave it out.
        MessageView first = queries.detail(conversation).orElseThrow().messages().getFirst();
        assertThat(queries.recentWithIdentity(first.channelAccountId(), first.identity(), 50))
                .extracting(MessageView::text).containsExactly("My parcel is late");
        String exported = customerJson(customer);
        assertThat(exported).contains("My parcel is late").doesNotContain("Carrier confirmed")
                .doesNotContain("NOTE_ADDED");
    }

    @Test
    void an_empty_note_is_refused_and_nothing_is_stored() {
        AgentView ana = agent(Role.AGENT);
        long conversation = customerWrites("Pat Empty", null, "Hello?");

        assertThatThrownBy(() -> notes.add(conversation, ana, "   ")).isInstanceOf(
                ConversationOperationException.class).hasMessageContaining("empty");
        assertThat(queries.detail(conversation).orElseThrow().messages()).hasSize(1);
    }

    @Test
    void mentions_notify_exactly_the_mentioned_colleagues_and_their_bells_hear_it() {
        AgentView ana = agent(Role.AGENT);
        AgentView ben = agent(Role.AGENT);
        AgentView cleo = agent(Role.AGENT);
        long conversation = customerWrites("Pat Mention", null, "Can I get a refund?");
        AtomicInteger benHeard = new AtomicInteger();
        AtomicInteger cleoHeard = new AtomicInteger();
        Runnable benStops = notifications.subscribe(ben.id(), benHeard::incrementAndGet);
        notifications.subscribe(cleo.id(), cleoHeard::incrementAndGet);

        NoteAdded added = notes.add(conversation, ana, "@" + ben.displayName() + " and @" + ana.displayName()
                + ": refund approved? (cc " + cleo.email() + " by mail, not a mention)");

        assertThat(added.mentioned()).extracting(Teammate::id).containsExactly(ben.id(), ana.id());
        assertThat(notifications.unreadCount(ben.id())).isEqualTo(1);
        assertThat(notifications.unreadCount(ana.id())).as("no notification for mentioning yourself").isZero();
        assertThat(notifications.unreadCount(cleo.id())).isZero();
        Await.until("Ben's bell hears of it", () -> benHeard.get() == 1);
        assertThat(cleoHeard).hasValue(0);

        NotificationView mention = notifications.latest(ben.id(), 10).getFirst();
        assertThat(mention.kind()).isEqualTo(NotificationKind.MENTION);
        assertThat(mention.conversationId()).isEqualTo(conversation);
        assertThat(mention.headline()).isEqualTo(ana.displayName() + " mentioned you · Pat Mention");
        assertThat(mention.preview()).startsWith("@" + ben.displayName() + " and");
        assertThat(mention.read()).isFalse();

        assertThat(notifications.open(mention.id(), cleo.id())).as("not Cleo's to open").isEmpty();
        assertThat(notifications.open(mention.id(), ben.id())).contains(conversation);
        assertThat(notifications.unreadCount(ben.id())).isZero();
        assertThat(notifications.latest(ben.id(), 10).getFirst().read()).isTrue();
        Await.until("Ben's bell hears it was read", () -> benHeard.get() == 2);
        benStops.run();
    }

    @Test
    void opening_the_conversation_marks_its_mentions_read() {
        AgentView ana = agent(Role.AGENT);
        AgentView ben = agent(Role.AGENT);
        long conversation = customerWrites("Pat Read", null, "Hi");
        notes.add(conversation, ana, "@" + ben.displayName() + " look");
        notes.add(conversation, ana, "@" + ben.displayName() + " look again");
        assertThat(notifications.unreadCount(ben.id())).isEqualTo(2);

        assertThat(notifications.markReadFor(ben.id(), conversation)).isEqualTo(2);
        assertThat(notifications.unreadCount(ben.id())).isZero();
    }

    @Test
    void a_canned_response_is_filled_with_the_customer_the_agent_the_conversation_and_the_latest_order() {
        AgentView ana = agent(Role.AGENT);
        String email = "pat." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long conversation = customerWrites("Pat Rivera", email, "Where is my order?");
        shop = ProviderStub.start();
        shop.always("GET", "/api/orders", ProviderStub.Answer.json(200, ORDERS));
        dataSources.create("Shop " + UUID.randomUUID(), "shop-orders", Map.of("baseUrl", shop.baseUrl() + "/api"));

        RenderedResponse rendered = renderer.render("""
                Hi {{customer.first_name}} ({{customer.name}}, {{ customer.email }}), order {{order.number}} is on \
                its way. Ref #{{conversation.id}}. {{agent.first_name}} / {{agent.name}} {{customer.nmae}}""",
                conversation, ana);

        assertThat(rendered.text()).isEqualTo("Hi Pat (Pat Rivera, " + email + "), order 4827 is on its way. Ref #"
                + conversation + ". " + ana.displayName().split(" ")[0] + " / " + ana.displayName()
                + " {{customer.nmae}}");
        assertThat(rendered.missing()).isEmpty();
        assertThat(rendered.unknown()).containsExactly("customer.nmae");
        assertThat(shop.takeRequest(5).query()).contains("email=" + email.replace("@", "%40"));
    }

    @Test
    void a_value_the_customer_lacks_is_left_empty_and_pointed_out() {
        AgentView ana = agent(Role.AGENT);
        long conversation = customerWrites("Sam", null, "Hello");
        shop = ProviderStub.start();
        shop.always("GET", "/api/orders", ProviderStub.Answer.json(200, "[]"));
        dataSources.create("Shop " + UUID.randomUUID(), "shop-orders", Map.of("baseUrl", shop.baseUrl() + "/api"));

        RenderedResponse rendered = renderer.render("Hi {{customer.name}}, order #{{order.number}}, mail"
                + " {{customer.email}}.", conversation, ana);

        assertThat(rendered.text()).isEqualTo("Hi Sam, order #, mail .");
        assertThat(rendered.missing()).containsExactly("order.number", "customer.email");
        assertThat(rendered.warning()).contains("{{order.number}}").contains("{{customer.email}}")
                .contains("left empty");
    }

    @Test
    void agents_keep_their_own_responses_and_only_supervisors_share_them_audited() {
        AgentView ana = agent(Role.AGENT);
        AgentView ben = agent(Role.AGENT);
        AgentView sue = agent(Role.SUPERVISOR);
        String suffix = UUID.randomUUID().toString().substring(0, 6);

        assertThatThrownBy(() -> canned.create(ana, "shared" + suffix, "Shared", "Text", true))
                .isInstanceOf(CollaborationException.class).hasMessageContaining("supervisors");
        CannedResponseView mine = canned.create(ana, "/Mine" + suffix, "Mine", "Hi {{customer.name}}", false);
        assertThat(mine.shortcut()).isEqualTo("mine" + suffix);
        CannedResponseView shared = canned.create(sue, "refund" + suffix, "Refund", "We refunded you.", true);

        assertThat(canned.visibleTo(ana.id())).extracting(CannedResponseView::id).contains(mine.id(), shared.id());
        assertThat(canned.visibleTo(ben.id())).extracting(CannedResponseView::id).contains(shared.id())
                .doesNotContain(mine.id());
        assertThat(canned.matching(ana.id(), "refund" + suffix)).extracting(CannedResponseView::id)
                .containsExactly(shared.id());

        assertThatThrownBy(() -> canned.create(ben, "refund" + suffix, "Mine too", "x", false))
                .isInstanceOf(CollaborationException.class).hasMessageContaining("already used");
        assertThatThrownBy(() -> canned.create(ben, "bad shortcut", "x", "x", false))
                .isInstanceOf(CollaborationException.class).hasMessageContaining("shortcut");
        assertThatThrownBy(() -> canned.update(ana, shared.id(), "refund" + suffix, "Changed", "x"))
                .isInstanceOf(CollaborationException.class);
        assertThatThrownBy(() -> canned.delete(ben, mine.id())).isInstanceOf(CollaborationException.class);

        canned.update(sue, shared.id(), "refund" + suffix, "Refund issued", "We refunded you today.");
        canned.delete(ana, mine.id());
        assertThat(canned.visibleTo(ana.id())).extracting(CannedResponseView::id).doesNotContain(mine.id());
        assertThat(audit.latest(CannedResponses.AUDIT_CREATED, 20)).anySatisfy(e -> {
            assertThat(e.getTarget()).isEqualTo("canned-response #" + shared.id());
            assertThat(e.getActor()).isEqualTo(sue.email());
        });
        assertThat(audit.latest(CannedResponses.AUDIT_UPDATED, 20))
                .anySatisfy(e -> assertThat(e.getTarget()).isEqualTo("canned-response #" + shared.id()));
        assertThat(audit.latest(CannedResponses.AUDIT_CREATED, 50))
                .noneSatisfy(e -> assertThat(e.getTarget()).isEqualTo("canned-response #" + mine.id()));
    }

    @Test
    void files_are_refused_on_a_channel_that_cannot_carry_them_and_nothing_is_stored() {
        long conversation = customerWrites("Pat Files", null, "Can you send the invoice?");
        Attachment invoice = new Attachment("invoice.pdf", "application/pdf", new byte[] {1, 2, 3}, false, null);

        assertThat(replies.attachmentsAllowed(conversation, null)).isFalse();
        assertThatThrownBy(() -> replies.reply(conversation, null, "Agent", "Here it is", null, List.of(invoice)))
                .isInstanceOf(ReplyNotPossibleException.class).hasMessageContaining("cannot send files");
        assertThat(queries.detail(conversation).orElseThrow().messages()).hasSize(1);
    }

    @Test
    void a_reply_with_a_file_reaches_the_customer_by_email_with_the_file_attached() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        String support = "support-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        mail.setUser(support, support, "mailbox-password");
        String accountId = accounts.create("Mailbox " + UUID.randomUUID(), "email", Map.ofEntries(
                Map.entry("imapHost", "127.0.0.1"),
                Map.entry("imapPort", Integer.toString(mail.getImap().getPort())),
                Map.entry("imapSecurity", "none"),
                Map.entry("imapUsername", support),
                Map.entry("imapPassword", "mailbox-password"),
                Map.entry("smtpHost", "127.0.0.1"),
                Map.entry("smtpPort", Integer.toString(mail.getSmtp().getPort())),
                Map.entry("smtpSecurity", "none"),
                Map.entry("fromAddress", support),
                Map.entry("pollSeconds", "60"))).id();
        try {
            String customer = "casey." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            String externalId = "<" + UUID.randomUUID() + "@example.org>";
            pipeline.ingest(accountId, List.of(InboundMessage.text(externalId, Identity.email(customer), "Casey",
                    "Please send me the invoice", Instant.now())));
            long conversation = jdbc.queryForObject("select conversation_id from message where external_id = ?",
                    Long.class, externalId);
            byte[] pdf = "%PDF-1.4 invoice 4827".getBytes(StandardCharsets.US_ASCII);
            assertThat(replies.attachmentsAllowed(conversation, null)).isTrue();

            long reply = replies.reply(conversation, null, "Grace", "Here is your invoice.", null,
                    List.of(new Attachment("invoice-4827.pdf", "application/pdf", pdf, false, null)));
            dispatcher.deliverDue();
            Await.until("the reply is sent", () -> queries.message(reply).orElseThrow().deliveryStatus()
                    == org.switchboard.plugin.api.channel.DeliveryStatus.SENT);

            MimeMessage sent = List.of(mail.getReceivedMessages()).stream().filter(m -> {
                try {
                    return ((InternetAddress) m.getAllRecipients()[0]).getAddress().equals(customer);
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).findFirst().orElseThrow();
            MimeMultipart parts = (MimeMultipart) sent.getContent();
            BodyPart file = null;
            for (int i = 0; i < parts.getCount(); i++) {
                if ("invoice-4827.pdf".equals(parts.getBodyPart(i).getFileName())) {
                    file = parts.getBodyPart(i);
                }
            }
            assertThat(file).as("the attachment in the sent mail").isNotNull();
            assertThat(file.getInputStream().readAllBytes()).isEqualTo(pdf);
            assertThat(file.getContentType()).startsWith("application/pdf");
            assertThat(queries.detail(conversation).orElseThrow().attachmentsOf(reply))
                    .extracting(a -> a.fileName()).containsExactly("invoice-4827.pdf");
        } finally {
            accounts.setEnabled(accountId, false);
            mail.stop();
        }
    }

    private AgentView agent(Role role) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return agents.create("agent-" + id + "@example.test", "Agent" + id + " Tester", "long-enough-password-1",
                Set.of(role));
    }

    /* A web-chat visitor (with an email from the pre-chat form when given). */
    private long customerWrites(String name, String email, String text) {
        Inbound inbound = new Inbound(pipeline, accounts, jdbc);
        return inbound.writes(inbound.anyWebchatAccount(), Inbound.newVisitor(), name,
                email == null ? List.of() : List.of(Identity.email(email)), text).conversationId();
    }

    private ConversationSummary summary(long conversation) {
        return queries.summaries(List.of(conversation)).getFirst();
    }

    private Instant waitingSince(long conversation) {
        java.sql.Timestamp at = jdbc.queryForObject("select waiting_since from conversation where id = ?",
                java.sql.Timestamp.class, conversation);
        return at == null ? null : at.toInstant();
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private String customerJson(long customerId) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(export.export(customerId)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("customer.json")) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    zip.transferTo(out);
                    return out.toString(StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no customer.json in the export");
    }
}
