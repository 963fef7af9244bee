package org.switchboard.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
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
import org.switchboard.portal.csat.CsatAccountSettings;
import org.switchboard.portal.csat.CsatSettings;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.ingest.InboundPipeline;

/**
 * Admins set surveys per channel account from their own page; agents see a conversation's rating beside its
 * header and a customer's latest ratings in the 360 panel.
 */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class CsatViewsTest extends SpringBrowserlessTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
    }

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    CsatSettings settings;

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    DataSource dataSource;

    @Test
    void an_admin_turns_surveys_on_for_an_account_and_bad_values_are_refused_with_a_reason() {
        String accountId = accounts.create("Shop chat " + UUID.randomUUID(), "webchat", Map.of()).id();
        CsatSettingsView view = navigate(CsatSettingsView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Satisfaction surveys");
        CsatAccountSettings account = view.accounts.getListDataView().getItems()
                .filter(a -> a.channelAccountId().equals(accountId)).findFirst().orElseThrow();
        view.edit(account);
        assertThat(view.question.getPlaceholder()).contains("{link}").contains("stars");

        test(view.enabled).click();
        test(view.question).setValue("Hi {name}, how was it?");
        test(view.save).click();
        assertThat(view.problem.getText()).contains("{name}");
        assertThat(settings.forAccount(accountId).enabled()).as("nothing changed").isFalse();

        test(view.delayMinutes).setValue(15);
        test(view.quietDays).setValue(30);
        test(view.question).setValue("How was it? {link}");
        test(view.save).click();
        assertThat(view.problem.getText()).isEmpty();
        CsatAccountSettings saved = settings.forAccount(accountId);
        assertThat(saved.enabled()).isTrue();
        assertThat(saved.delay()).isEqualTo(Duration.ofMinutes(15));
        assertThat(saved.quietDays()).isEqualTo(30);
        assertThat(saved.question()).isEqualTo("How was it? {link}");
        assertThat(view.accounts.getListDataView().getItems().filter(a -> a.channelAccountId().equals(accountId))
                .findFirst().orElseThrow().enabled()).isTrue();
    }

    @Test
    void the_rating_is_shown_on_the_conversation_and_in_the_customer_360() {
        String accountId = accounts.create("Chat " + UUID.randomUUID(), "webchat", Map.of()).id();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Inbound.Written written = new Inbound(pipeline, accounts, jdbc).writes(accountId, Inbound.newPhone(),
                "Pat Rating", "Where is my parcel?");
        long conversationId = written.conversationId();
        long customerId = written.customerId();
        // A survey as the CSAT package stores it once the customer rated (the flow itself is tested in csat).
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long surveyId = jdbc.queryForObject("select next value for csat_survey_seq", Long.class);
        jdbc.update("""
                insert into csat_survey (id, conversation_id, customer_id, channel_account_id, resolved_at, status,
                send_after, sent_at, answered_at, rating, rating_comment, answered_via, created_at, version)
                values (?, ?, ?, ?, ?, 'RATED', ?, ?, ?, 4, 'Quick and friendly', 'REPLY', ?, 0)""", surveyId,
                conversationId, customerId, accountId, Timestamp.from(now), Timestamp.from(now), Timestamp.from(now),
                Timestamp.from(now), Timestamp.from(now));

        ConversationView view = navigate(ConversationView.class, conversationId);
        assertThat(view.csat.isVisible()).isTrue();
        assertThat(view.csat.getText()).contains("★★★★☆").contains("4/5").contains("Quick and friendly")
                .contains("by reply");

        CustomerView customer = navigate(CustomerView.class, customerId);
        assertThat(customer.panel.ratings.getChildren().map(c -> c.getElement().getTextRecursively()).toList())
                .singleElement().satisfies(text -> assertThat(text).contains("4/5").contains("#" + conversationId)
                        .contains("Quick and friendly"));
    }

    @Test
    void a_conversation_without_a_survey_shows_no_rating_line() {
        String accountId = accounts.create("Chat " + UUID.randomUUID(), "webchat", Map.of()).id();
        long conversationId = new Inbound(pipeline, accounts, new JdbcTemplate(dataSource)).writes(accountId,
                Inbound.newPhone(), "Pat Plain", "Hello").conversationId();

        ConversationView view = navigate(ConversationView.class, conversationId);
        assertThat(view.csat.isVisible()).isFalse();
    }
}
