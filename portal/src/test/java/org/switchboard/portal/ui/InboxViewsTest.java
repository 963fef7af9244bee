package org.switchboard.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.ingest.InboundPipeline;

/** The inbox's All / Mine / Unassigned views follow assignment. */
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

    private long customerWrites(String text) {
        String account = accounts.listByConnector("webchat").stream().findFirst()
                .orElseGet(() -> accounts.create("Chat", "webchat", Map.of())).id();
        String id = UUID.randomUUID().toString();
        pipeline.ingest(account, List.of(InboundMessage.text(id, Identity.phone("+4930" + (System.nanoTime()
                % 90_000_000L + 10_000_000L)), "Pat Inbox", text, Instant.now())));
        return new JdbcTemplate(dataSource).queryForObject("select conversation_id from message where external_id = ?",
                Long.class, id);
    }

    private static List<Long> ids(InboxView inbox) {
        return inbox.grid.getListDataView().getItems().map(InboxRow::id).toList();
    }
}
