package org.switchboard.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.conversation.ConversationWorkflow;
import org.switchboard.portal.conversation.Priority;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.inbox.SavedViewSummary;
import com.vaadin.browserless.internal.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.switchboard.portal.ingest.InboundPipeline;

/** The inbox's views, filters, saved views, bulk actions and search, and the conversation's workflow actions. */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class InboxViewsTest extends SpringBrowserlessTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
    }

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    DataSource dataSource;

    @Autowired
    ConversationWorkflow workflow;

    @Autowired
    ConversationQueries queries;

    @Test
    void a_conversation_assigned_to_me_moves_from_unassigned_to_mine() {
        long conversation = customerWrites("Quick question " + UUID.randomUUID());
        InboxView inbox = navigate(InboxView.class);
        inbox.views.setSelectedIndex(2);
        assertThat(ids(inbox)).contains(conversation);
        inbox.views.setSelectedIndex(1);
        assertThat(ids(inbox)).doesNotContain(conversation);

        ConversationView view = navigate(ConversationView.class, conversation);
        test(view.assignToMe).click();
        assertThat(view.assignee.getText()).startsWith("assigned to");
        assertThat(view.assignToMe.getText()).isEqualTo("Unassign");

        inbox = navigate(InboxView.class);
        inbox.views.setSelectedIndex(1);
        assertThat(ids(inbox)).contains(conversation);
        assertThat(inbox.count.getText()).doesNotStartWith("0 ");
        inbox.views.setSelectedIndex(2);
        assertThat(ids(inbox)).doesNotContain(conversation);
        assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from conversation_event where"
                + " conversation_id = ? and event_type = 'ASSIGNED'", Integer.class, conversation)).isEqualTo(1);
    }

    @Test
    void filters_bulk_actions_and_saved_views_work_from_the_inbox() {
        String label = "v" + UUID.randomUUID().toString().substring(0, 8);
        long labelled = customerWrites("Filter me " + label);
        long other = customerWrites("Leave me " + label);
        workflow.changeLabels(labelled, Set.of(label), Set.of(), null);

        InboxView inbox = navigate(InboxView.class);
        inbox.filters.labels.setValue(Set.of(label));
        assertThat(ids(inbox)).containsExactly(labelled);
        assertThat(inbox.count.getText()).isEqualTo("1 in this view");

        // Save the filter as a view, clear the filters, then choose the view.
        test(inbox.savedViews.save).click();
        roundTrip();
        TextField name = $(TextField.class).id("saved-view-name");
        test(name).setValue("Label " + label);
        test($(Button.class).id("saved-view-save")).click();
        roundTrip();
        test(inbox.filters.clear).click();
        assertThat(ids(inbox)).contains(labelled, other);
        SavedViewSummary saved = inbox.savedViews.choose.getListDataView().getItems()
                .filter(v -> v.name().equals("Label " + label)).findFirst().orElseThrow();
        assertThat(saved.criteria().labels()).containsExactly(label);
        test(inbox.savedViews.choose).selectItem(saved.name());
        assertThat(inbox.savedViews.choose.getValue()).isEqualTo(saved);
        assertThat(inbox.filters.labels.getValue()).containsExactly(label);
        assertThat(ids(inbox)).containsExactly(labelled);

        // Bulk: resolve the selection; it leaves the active list.
        inbox.grid.select(inbox.grid.getListDataView().getItems().findFirst().orElseThrow());
        assertThat(inbox.bulk.isVisible()).isTrue();
        test(inbox.bulk.resolve).click();
        assertThat(ids(inbox)).isEmpty();
        assertThat(new JdbcTemplate(dataSource).queryForObject("select status from conversation where id = ?",
                String.class, labelled)).isEqualTo("RESOLVED");
    }

    @Test
    void a_search_result_shows_the_matched_words_and_opens_at_the_matched_message() {
        String word = "hx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long conversation = customerWrites("The parcel " + word + " is late");
        InboxView inbox = navigate(InboxView.class);
        test(inbox.searchField).setValue(word);
        InboxRow hit = inbox.grid.getListDataView().getItems().filter(r -> r.id() == conversation).findFirst()
                .orElseThrow();
        assertThat(hit.snippetHtml()).contains("<mark>" + word + "</mark>");
        inbox.open(hit);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("conversations/" + conversation);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getParameters())
                .containsEntry("message", List.of(hit.messageId().toString()));
        ConversationView view = (ConversationView) UI.getCurrent().getInternals().getActiveRouterTargetsChain()
                .getFirst();
        assertThat(view.history.getChildren().filter(c -> c.hasClassName("sb-message-focus"))
                .map(c -> c.getId().orElseThrow())).containsExactly("message-" + hit.messageId());
    }

    @Test
    void keyboard_shortcuts_move_between_conversations_and_act_on_them() {
        String label = "k" + UUID.randomUUID().toString().substring(0, 8);
        long first = customerWrites("Shortcut one " + label);
        long second = customerWrites("Shortcut two " + label);
        workflow.changeLabels(first, Set.of(label), Set.of(), null);
        workflow.changeLabels(second, Set.of(label), Set.of(), null);
        InboxView inbox = navigate(InboxView.class);
        inbox.filters.labels.setValue(Set.of(label));
        assertThat(ids(inbox)).containsExactly(second, first);

        ShortcutsKt._fireShortcut(inbox, Key.KEY_J, KeyModifier.ALT);
        ConversationView view = (ConversationView) UI.getCurrent().getInternals().getActiveRouterTargetsChain()
                .getFirst();
        assertThat(view.conversationId()).isEqualTo(second);

        ShortcutsKt._fireShortcut(view, Key.KEY_A, KeyModifier.ALT);
        ShortcutsKt._fireShortcut(view, Key.KEY_N, KeyModifier.ALT);
        assertThat(view.composer.isNoteMode()).isTrue();
        ShortcutsKt._fireShortcut(view, Key.KEY_E, KeyModifier.ALT);
        ConversationSummary done = queries.summariesInOrder(List.of(second)).getFirst();
        assertThat(done.assigneeName()).isNotNull();
        assertThat(done.status()).isEqualTo(ConversationStatus.RESOLVED);

        ShortcutsKt._fireShortcut(view, Key.KEY_J, KeyModifier.ALT);
        view = (ConversationView) UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst();
        assertThat(view.conversationId()).isEqualTo(first);

        ShortcutsKt._fireShortcut(view, Key.SLASH, KeyModifier.ALT);
        roundTrip();
        assertThat($(com.vaadin.flow.component.grid.Grid.class).id("shortcut-help").getListDataView().getItemCount())
                .isEqualTo(KeyboardShortcuts.ALL.size());
    }

    @Test
    void the_conversation_actions_change_priority_labels_and_snooze() {
        long conversation = customerWrites("Please hurry " + UUID.randomUUID());
        ConversationView view = navigate(ConversationView.class, conversation);
        view.actions.priority.setValue(Priority.URGENT);
        view.actions.labels.setValue(Set.of("escalated"));
        new com.vaadin.flow.component.menubar.MenuBarTester<>(view.actions.snooze).clickItem("Snooze", "Until the customer replies");

        ConversationSummary after = queries.summariesInOrder(List.of(conversation)).getFirst();
        assertThat(after.priority()).isEqualTo(Priority.URGENT);
        assertThat(after.labels()).containsExactly("escalated");
        assertThat(after.status()).isEqualTo(ConversationStatus.SNOOZED);
        assertThat(view.actions.status.getValue()).isEqualTo(ConversationStatus.SNOOZED);
        assertThat(new JdbcTemplate(dataSource).queryForList("select event_type from conversation_event where"
                + " conversation_id = ? order by id", String.class, conversation))
                .contains("PRIORITY_CHANGED", "LABELS_CHANGED", "SNOOZED");
    }

    private long customerWrites(String text) {
        Inbound inbound = new Inbound(pipeline, accounts, new JdbcTemplate(dataSource));
        return inbound.writes(inbound.anyWebchatAccount(), Inbound.newPhone(), "Pat Inbox", text).conversationId();
    }

    private static List<Long> ids(InboxView inbox) {
        return inbox.grid.getListDataView().getItems().map(InboxRow::id).toList();
    }
}
