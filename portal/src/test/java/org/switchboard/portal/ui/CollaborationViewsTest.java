package org.switchboard.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.server.VaadinSession;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.RecordedRequest;
import org.switchboard.plugin.testkit.SendOutcome;
import org.switchboard.plugins.api.ApiScenario;
import org.switchboard.portal.Await;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.channel.PublicUrlProperties;
import org.switchboard.portal.channels.ScenarioDelivery;
import org.switchboard.portal.collaboration.AgentNotifications;
import org.switchboard.portal.collaboration.CannedResponses;
import org.switchboard.portal.collaboration.ConversationPresence;
import org.switchboard.portal.collaboration.PrivateNotes;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.MessageDirection;
import org.switchboard.portal.conversation.MessageView;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.ingest.InboundPipeline;
import org.switchboard.portal.outbound.OutboundDispatcher;
import org.switchboard.portal.outbound.ReplyService;

/**
 * The conversation workspace's collaboration features in the real views (without a browser): private notes with
 * a picked @mention, the "/" canned-response picker, colleagues shown viewing and typing, the warning before a
 * reply that crosses a colleague's, the notification bell, and a reply with an uploaded file.
 */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class CollaborationViewsTest extends SpringBrowserlessTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    ConversationQueries queries;

    @Autowired
    AgentDirectory agents;

    @Autowired
    ReplyService replies;

    @Autowired
    PrivateNotes notes;

    @Autowired
    AgentNotifications notifications;

    @Autowired
    CannedResponses canned;

    @Autowired
    ConversationPresence presence;

    @Autowired
    OutboundDispatcher dispatcher;

    @Autowired
    PublicUrlProperties urls;

    @Autowired
    DataSource dataSource;

    AgentView me;

    @BeforeEach
    void signedIn() {
        me = agents.findByEmail(TestData.ADMIN_EMAIL).orElseThrow();
        notifications.markAllRead(me.id());
    }

    @Test
    void a_private_note_with_a_picked_mention_is_stored_shown_as_a_note_and_notifies_the_colleague() {
        AgentView ben = colleague();
        long conversation = customerWrites("Pat Notes", "My parcel is damaged");
        ConversationView view = navigate(ConversationView.class, conversation);

        test(view.composer.mode).select("Private note");
        assertThat(view.send.getText()).isEqualTo("Add note");
        assertThat(view.channel.isVisible()).as("no channel for a note").isFalse();
        assertThat(view.composer.attachments.isVisible()).isFalse();
        test(view.replyBox).setValue("Photos look bad, @" + ben.displayName().substring(0, 9));
        assertThat(view.composer.mentionPicker.isVisible()).isTrue();
        assertThat(view.composer.mentionPicker.items).extracting(b -> b.getText())
                .containsExactly("@" + ben.displayName());
        test(view.composer.mentionPicker.items.getFirst()).click();
        assertThat(view.replyBox.getValue()).isEqualTo("Photos look bad, @" + ben.displayName() + " ");
        test(view.replyBox).setValue(view.replyBox.getValue() + "can you refund?");
        test(view.send).click();

        MessageView note = queries.detail(conversation).orElseThrow().messages().getLast();
        assertThat(note.direction()).isEqualTo(MessageDirection.NOTE);
        assertThat(note.text()).isEqualTo("Photos look bad, @" + ben.displayName() + " can you refund?");
        assertThat(view.replyBox.getValue()).isEmpty();
        var bubble = view.history.getChildren().toList().getLast();
        assertThat(bubble.getElement().getAttribute("data-direction")).isEqualTo("note");
        assertThat(bubble.getElement().getTextRecursively()).startsWith("Private note");
        assertThat(notifications.unreadCount(ben.id())).isEqualTo(1);
        assertThat(notifications.unreadCount(me.id())).isZero();
    }

    @Test
    void typing_a_slash_offers_canned_responses_and_picking_one_inserts_it_filled_in() {
        String shortcut = "thx" + UUID.randomUUID().toString().substring(0, 6);
        canned.create(me, shortcut, "Thanks", "Hi {{customer.first_name}}, thanks for waiting! {{agent.name}}"
                + " {{order.numbr}}", false);
        long conversation = customerWrites("Pat Canned", "Any news?");
        ConversationView view = navigate(ConversationView.class, conversation);

        test(view.replyBox).setValue("see a/b");
        assertThat(view.composer.cannedPicker.isVisible()).as("a slash inside a word is no shortcut").isFalse();
        test(view.replyBox).setValue("/" + shortcut.substring(0, 5));
        assertThat(view.composer.cannedPicker.isVisible()).isTrue();
        assertThat(view.composer.cannedPicker.items).extracting(b -> b.getText())
                .contains("/" + shortcut + " · Thanks");
        test(view.composer.cannedPicker.items.stream().filter(b -> b.getText().startsWith("/" + shortcut))
                .findFirst().orElseThrow()).click();

        assertThat(view.replyBox.getValue()).isEqualTo("Hi Pat, thanks for waiting! " + me.displayName()
                + " {{order.numbr}}");
        assertThat(view.composer.cannedPicker.isVisible()).isFalse();
        assertThat(view.composer.variableWarning.isVisible()).isTrue();
        assertThat(view.composer.variableWarning.getText()).contains("{{order.numbr}}");
    }

    @Test
    void an_emoji_picked_from_the_grid_is_added_to_the_text() {
        long conversation = customerWrites("Pat Emoji", "Thanks!");
        ConversationView view = navigate(ConversationView.class, conversation);
        test(view.replyBox).setValue("You're welcome");

        test(view.composer.emoji.open).click();
        assertThat(view.composer.emoji.choices).hasSizeGreaterThanOrEqualTo(40);
        test(view.composer.emoji.choices.getFirst()).click();

        assertThat(view.replyBox.getValue()).isEqualTo("You're welcome " + EmojiPicker.EMOJI.getFirst());
    }

    @Test
    void canned_responses_are_written_in_their_view_personal_or_shared() {
        String shortcut = "ship" + UUID.randomUUID().toString().substring(0, 6);
        CannedResponsesView view = navigate(CannedResponsesView.class);
        assertThat(view.shared.isVisible()).as("an admin may share").isTrue();

        test(view.shortcut).setValue("/" + shortcut);
        test(view.title).setValue("Shipping times");
        test(view.body).setValue("Hi {{customer.first_name}}, orders ship within 2 days.");
        test(view.shared).click();
        test(view.save).click();

        assertThat(view.responses.getListDataView().getItems().toList()).anySatisfy(r -> {
            assertThat(r.shortcut()).isEqualTo(shortcut);
            assertThat(r.shared()).isTrue();
        });
        test(view.shortcut).setValue(shortcut);
        test(view.title).setValue("Again");
        test(view.body).setValue("x");
        test(view.save).click();
        assertThat(view.responses.getListDataView().getItems().filter(r -> r.shortcut().equals(shortcut)))
                .as("a taken shortcut is refused").hasSize(1);
    }

    @Test
    void a_colleague_viewing_and_typing_shows_live_and_my_typing_shows_to_them() {
        AgentView ben = colleague();
        long conversation = customerWrites("Pat Presence", "Hello there");
        ConversationView view = navigate(ConversationView.class, conversation);
        assertThat(view.presence.isVisible()).isFalse();

        // Ben's own session opens the same conversation, then types.
        String bensView = presence.join(conversation, ben.id(), ben.displayName());
        awaitUi("Ben is shown viewing", () -> view.presence.getText().equals(ben.displayName() + " is viewing"));
        presence.typing(bensView, false);
        awaitUi("Ben is shown typing", () -> view.presence.getText().equals(ben.displayName()
                + " is typing a reply…"));

        test(view.replyBox).setValue("Let me check");
        assertThat(presence.others(conversation, ben.id())).extracting(p -> p.describe())
                .containsExactly(me.displayName() + " is typing a reply…");

        presence.leave(bensView);
        awaitUi("Ben is gone", () -> !view.presence.isVisible());
    }

    @Test
    void a_reply_after_a_colleague_replied_meanwhile_asks_first_and_sends_when_confirmed() {
        AgentView ben = colleague();
        long conversation = customerWrites("Pat Collision", "I want a refund");
        ConversationView view = navigate(ConversationView.class, conversation);
        test(view.replyBox).setValue("We will refund you.");

        replies.reply(conversation, ben.id(), ben.displayName(), "I already refunded you this morning.", null);
        test(view.send).click();
        roundTrip();

        assertThat(view.collisionDialog).isNotNull();
        assertThat(view.collisionDialog.isOpened()).isTrue();
        assertThat(test(view.collisionDialog).getText()).startsWith(ben.displayName() + " replied ")
                .endsWith(": “I already refunded you this morning.” — send anyway?");
        assertThat(texts(conversation)).containsExactly("I want a refund", "I already refunded you this morning.");

        test(view.collisionDialog).confirm();
        assertThat(texts(conversation)).containsExactly("I want a refund", "I already refunded you this morning.",
                "We will refund you.");
        assertThat(view.replyBox.getValue()).isEmpty();
    }

    @Test
    void not_sending_after_the_warning_keeps_the_text_and_the_next_send_goes_without_asking() {
        AgentView ben = colleague();
        long conversation = customerWrites("Pat Second", "Is it shipped?");
        ConversationView view = navigate(ConversationView.class, conversation);
        test(view.replyBox).setValue("Yes, yesterday.");
        replies.reply(conversation, ben.id(), ben.displayName(), "Shipped yesterday with DHL.", null);

        test(view.send).click();
        roundTrip();
        test(view.collisionDialog).cancel();
        assertThat(texts(conversation)).hasSize(2);
        assertThat(view.replyBox.getValue()).isEqualTo("Yes, yesterday.");

        view.collisionDialog = null;
        test(view.send).click();
        assertThat(view.collisionDialog).as("no second warning for what the agent has seen").isNull();
        assertThat(texts(conversation)).last().isEqualTo("Yes, yesterday.");
    }

    @Test
    void my_own_earlier_reply_is_no_collision() {
        long conversation = customerWrites("Pat Own", "Hello?");
        ConversationView view = navigate(ConversationView.class, conversation);
        test(view.replyBox).setValue("First answer");
        test(view.send).click();
        test(view.replyBox).setValue("And a second one");
        test(view.send).click();

        assertThat(view.collisionDialog).isNull();
        assertThat(texts(conversation)).containsExactly("Hello?", "First answer", "And a second one");
    }

    @Test
    void the_bell_counts_a_new_mention_live_and_opening_it_shows_the_conversation_and_marks_it_read() {
        AgentView ben = colleague();
        long conversation = customerWrites("Pat Bell", "Need help");
        navigate(InboxView.class);
        NotificationBell bell = $(NotificationBell.class).first();
        assertThat(bell.count.isVisible()).isFalse();

        notes.add(conversation, ben, "@" + me.displayName() + " can you take this one?");
        awaitUi("the bell shows one unread", () -> bell.count.isVisible() && bell.count.getText().equals("1"));

        test(bell.bell).click();
        assertThat(bell.entries).hasSize(1);
        assertThat(bell.entries.getFirst().getText()).startsWith(ben.displayName() + " mentioned you · Pat Bell")
                .contains("can you take this one?");
        test(bell.entries.getFirst()).click();

        assertThat(getCurrentView()).isInstanceOf(ConversationView.class);
        assertThat(((ConversationView) getCurrentView()).title.getText()).isEqualTo("Pat Bell");
        assertThat(notifications.unreadCount(me.id())).isZero();
        assertThat(bell.count.isVisible()).isFalse();
    }

    @Test
    void a_reply_with_an_uploaded_file_reaches_the_provider_with_the_file() throws Exception {
        try (ProviderStub provider = ProviderStub.start()) {
            ApiScenario api = new ApiScenario();
            String accountId = accounts.create("API " + UUID.randomUUID(), "api", api.config(provider.baseUrl()))
                    .id();
            URI webhookUrl = urls.webhookUrl(accountId);
            String providerId = "up" + UUID.randomUUID().toString().replace("-", "");
            var received = new ScenarioDelivery(port).deliver(accountId, api.inboundText(webhookUrl, providerId,
                    "ada." + providerId.substring(2, 10) + "@example.com", "Please send the invoice"));
            assertThat(received.statusCode()).as(received.body()).isBetween(200, 299);
            long conversation = new JdbcTemplate(dataSource).queryForObject("select conversation_id from message"
                    + " where channel_account_id = ? and external_id = ?", Long.class, accountId, providerId);
            ConversationView view = navigate(ConversationView.class, conversation);
            assertThat(view.composer.attachments.isVisible()).isTrue();
            assertThat(view.composer.uploadHint.getText()).contains("10 MB");

            byte[] pdf = "%PDF-1.4 invoice".getBytes(StandardCharsets.US_ASCII);
            test(view.composer.upload).upload("invoice.pdf", "application/pdf", pdf);
            test(view.replyBox).setValue("Here it is.");
            api.arrangeSend(provider, SendOutcome.ACCEPTED);
            test(view.send).click();

            MessageView reply = queries.detail(conversation).orElseThrow().messages().getLast();
            assertThat(reply.text()).isEqualTo("Here it is.");
            assertThat(queries.detail(conversation).orElseThrow().attachmentsOf(reply.id()))
                    .extracting(a -> a.fileName()).containsExactly("invoice.pdf");
            dispatcher.deliverDue();
            Await.until("the reply is sent", () -> queries.message(reply.id()).orElseThrow().deliveryStatus()
                    == DeliveryStatus.SENT);
            RecordedRequest sent = provider.requests().stream().filter(r -> r.method().equals("POST"))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(sent.bodyAsString()).contains("\"fileName\":\"invoice.pdf\"")
                    .contains("\"contentType\":\"application/pdf\"")
                    .contains(Base64.getEncoder().encodeToString(pdf));
            assertThat(view.composer.files()).as("the composer starts empty again").isEmpty();
        }
    }

    private void awaitUi(String what, BooleanSupplier condition) {
        Await.until(what, () -> {
            // Background threads update the view with UI.access; run what they queued, as a push would.
            VaadinSession session = VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
            return condition.getAsBoolean();
        });
    }

    private List<String> texts(long conversation) {
        return queries.detail(conversation).orElseThrow().messages().stream().map(MessageView::text).toList();
    }

    private AgentView colleague() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return agents.create("ben-" + id + "@example.test", "Ben" + id + " Baker", "long-enough-password-1",
                Set.of(Role.AGENT));
    }

    private long customerWrites(String name, String text) {
        Inbound inbound = new Inbound(pipeline, accounts, new JdbcTemplate(dataSource));
        return inbound.writes(inbound.anyWebchatAccount(), Inbound.newVisitor(), name, text).conversationId();
    }
}
