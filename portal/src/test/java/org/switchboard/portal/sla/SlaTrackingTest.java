package org.switchboard.portal.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.portal.Await;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.conversation.ConversationWorkflow;
import org.switchboard.portal.conversation.Priority;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.ingest.InboundPipeline;
import org.switchboard.portal.outbound.ReplyService;

/**
 * SLA targets on real conversations in a real MariaDB: policy choice, due times in business hours, clocks stopped
 * by replies and resolution, re-targeting, and the check's warnings and breaches. Conversations are created now
 * (the portal's clock is real); the check is given the moment to judge at, so "later" needs no waiting.
 */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class SlaTrackingTest extends PortalTest.Base {

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    SlaSettings settings;

    @Autowired
    SlaTracker tracker;

    @Autowired
    SlaQueries queries;

    @Autowired
    ReplyService replies;

    @Autowired
    ConversationStore store;

    @Autowired
    ConversationWorkflow workflow;

    @Autowired
    AgentDirectory agents;

    @Autowired
    DataSource dataSource;

    JdbcTemplate jdbc;

    @BeforeEach
    void noPolicies() {
        jdbc = new JdbcTemplate(dataSource);
        removeAllSettings();
    }

    @AfterEach
    void removePolicies() {
        removeAllSettings();
    }

    @Test
    void a_policy_for_the_channel_beats_the_priority_policy_and_counts_in_business_hours() {
        // Open 09:00-17:00 UTC every day, but the days around today are holidays: the first open hour is on the
        // third day from now, whenever this test runs (even across a midnight).
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Holiday> holidays = new ArrayList<>();
        for (int d = -1; d <= 2; d++) {
            holidays.add(new Holiday(today.plusDays(d), "closed " + d));
        }
        BusinessHoursSettings hours = settings.saveBusinessHours(new BusinessHoursSettings(null, "Test hours", "UTC",
                WeeklyHours.everyDay(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(17, 0))), holidays));
        settings.savePolicy(new SlaPolicySettings(null, "High", Priority.HIGH, null, Duration.ofHours(2), null,
                null, true));
        SlaPolicySettings highChat = settings.savePolicy(new SlaPolicySettings(null, "High on web chat",
                Priority.HIGH, "webchat", Duration.ofHours(1), Duration.ofHours(8), hours.id(), true));

        long conversation = customerWrites("My order is late");
        workflow.changePriority(conversation, Priority.HIGH, null);

        Instant thirdDay = today.plusDays(3).atStartOfDay().toInstant(ZoneOffset.UTC);
        Await.until("targets from the web chat policy", () -> target(conversation, SlaTarget.FIRST_RESPONSE)
                .filter(t -> t.policyName().equals("High on web chat")).isPresent());
        assertThat(target(conversation, SlaTarget.FIRST_RESPONSE).orElseThrow().dueAt())
                .as("1 business hour from the first opening, 09:00 on the third day")
                .isEqualTo(thirdDay.plus(Duration.ofHours(10)));
        assertThat(target(conversation, SlaTarget.RESOLUTION).orElseThrow().dueAt())
                .as("8 business hours: the whole third day").isEqualTo(thirdDay.plus(Duration.ofHours(17)));
        Await.until("the inbox's due time", () -> thirdDay.plus(Duration.ofHours(10)).equals(slaDueAt(conversation)));

        // Without the channel's policy the priority's applies, counted around the clock from the same start.
        settings.savePolicy(new SlaPolicySettings(highChat.id(), highChat.name(), highChat.priority(),
                highChat.channel(), highChat.firstResponse(), highChat.resolution(), highChat.businessHoursId(),
                false));
        tracker.evaluate(conversation);
        SlaTargetStatus firstResponse = target(conversation, SlaTarget.FIRST_RESPONSE).orElseThrow();
        assertThat(firstResponse.policyName()).isEqualTo("High");
        assertThat(firstResponse.dueAt()).isEqualTo(createdAt(conversation).plus(Duration.ofHours(2)));
        assertThat(target(conversation, SlaTarget.RESOLUTION)).as("the priority's policy sets no resolution target")
                .isEmpty();
    }

    @Test
    void a_human_reply_meets_the_first_response_and_a_bot_reply_does_not() {
        settings.savePolicy(new SlaPolicySettings(null, "Normal", Priority.NORMAL, null, Duration.ofHours(1),
                Duration.ofHours(24), null, true));
        long conversation = customerWrites("Where is my parcel?");
        Instant created = createdAt(conversation);
        Await.until("a first-response target", () -> target(conversation, SlaTarget.FIRST_RESPONSE).isPresent());
        assertThat(target(conversation, SlaTarget.FIRST_RESPONSE).orElseThrow().dueAt())
                .isEqualTo(created.plus(Duration.ofHours(1)));

        replies.replyAsAssistant(conversation, "Assistant", "It is on its way.", "test decision");
        tracker.evaluate(conversation);
        assertThat(target(conversation, SlaTarget.FIRST_RESPONSE).orElseThrow().metAt()).as("a bot is not a human")
                .isNull();

        long agent = agents.findByEmail(TestData.ADMIN_EMAIL).orElseThrow().id();
        replies.reply(conversation, agent, "Agent", "Let me check that for you.", null);
        Instant answered = eventTime(conversation, "FIRST_RESPONSE");
        Await.until("the first response met", () -> target(conversation, SlaTarget.FIRST_RESPONSE)
                .map(SlaTargetStatus::metAt).isPresent());
        assertThat(target(conversation, SlaTarget.FIRST_RESPONSE).orElseThrow().metAt()).isEqualTo(answered);
        Await.until("the inbox's due time moves to the resolution target",
                () -> created.plus(Duration.ofHours(24)).equals(slaDueAt(conversation)));
        assertThat(queries.status(conversation).state()).isEqualTo(SlaState.ON_TRACK);
    }

    @Test
    void resolving_meets_the_resolution_target_and_reopening_starts_a_new_one() {
        settings.savePolicy(new SlaPolicySettings(null, "Normal", Priority.NORMAL, null, null, Duration.ofHours(2),
                null, true));
        long conversation = customerWrites("Please cancel my subscription");
        Await.until("a resolution target", () -> target(conversation, SlaTarget.RESOLUTION).isPresent());

        store.changeStatus(conversation, ConversationStatus.RESOLVED, null);
        Instant resolved = eventTime(conversation, "RESOLVED");
        Await.until("the resolution met", () -> target(conversation, SlaTarget.RESOLUTION)
                .map(SlaTargetStatus::metAt).isPresent());
        assertThat(target(conversation, SlaTarget.RESOLUTION).orElseThrow().metAt()).isEqualTo(resolved);
        Await.until("no due time on a resolved conversation", () -> slaDueAt(conversation) == null);

        store.changeStatus(conversation, ConversationStatus.OPEN, null);
        Instant reopened = eventTime(conversation, "REOPENED");
        Await.until("a second resolution target", () -> queries.status(conversation).targets().size() == 2);
        List<SlaTargetStatus> targets = queries.status(conversation).targets();
        assertThat(targets.getFirst().metAt()).isEqualTo(resolved);
        assertThat(targets.getLast().startedAt()).isEqualTo(reopened);
        assertThat(targets.getLast().dueAt()).isEqualTo(reopened.plus(Duration.ofHours(2)));
        assertThat(targets.getLast().metAt()).isNull();
        Await.until("the inbox's due time is the new target's",
                () -> reopened.plus(Duration.ofHours(2)).equals(slaDueAt(conversation)));
    }

    @Test
    void a_priority_change_re_targets_running_targets_from_their_original_start() {
        settings.savePolicy(new SlaPolicySettings(null, "Normal", Priority.NORMAL, null, Duration.ofHours(4), null,
                null, true));
        settings.savePolicy(new SlaPolicySettings(null, "Urgent", Priority.URGENT, null, Duration.ofMinutes(30),
                null, null, true));
        long conversation = customerWrites("The site is down!");
        Instant created = createdAt(conversation);
        Await.until("a first-response target", () -> target(conversation, SlaTarget.FIRST_RESPONSE).isPresent());
        assertThat(target(conversation, SlaTarget.FIRST_RESPONSE).orElseThrow().dueAt())
                .isEqualTo(created.plus(Duration.ofHours(4)));

        workflow.changePriority(conversation, Priority.URGENT, null);
        Await.until("the urgent policy's target", () -> target(conversation, SlaTarget.FIRST_RESPONSE)
                .filter(t -> t.policyName().equals("Urgent")).isPresent());
        SlaTargetStatus urgent = target(conversation, SlaTarget.FIRST_RESPONSE).orElseThrow();
        assertThat(urgent.startedAt()).isEqualTo(created);
        assertThat(urgent.dueAt()).isEqualTo(created.plus(Duration.ofMinutes(30)));
        Await.until("the inbox's due time", () -> created.plus(Duration.ofMinutes(30)).equals(slaDueAt(conversation)));

        workflow.changePriority(conversation, Priority.LOW, null);
        Await.until("no target without a policy", () -> queries.status(conversation).targets().isEmpty());
        Await.until("no due time without a policy", () -> slaDueAt(conversation) == null);
    }

    @Test
    void evaluating_many_at_once_skips_what_no_policy_concerns_and_ends_targets_no_policy_sets_any_more() {
        SlaPolicySettings high = settings.savePolicy(new SlaPolicySettings(null, "High", Priority.HIGH, null,
                Duration.ofHours(1), null, null, true));
        long untouched = customerWrites("Just saying thanks");
        long escalated = customerWrites("Nothing works");
        workflow.changePriority(escalated, Priority.HIGH, null);
        Await.until("the high policy's target", () -> target(escalated, SlaTarget.FIRST_RESPONSE).isPresent());
        Await.until("the triggers are quiet", () -> queries.evaluationBacklog() == 0);

        // Disabled: the running target is ended at the conversation's next evaluation, which the batch must not
        // skip although no policy concerns the conversation any more.
        settings.savePolicy(new SlaPolicySettings(high.id(), high.name(), high.priority(), high.channel(),
                high.firstResponse(), high.resolution(), high.businessHoursId(), false));
        assertThat(target(escalated, SlaTarget.FIRST_RESPONSE)).as("kept until evaluated").isPresent();

        assertThat(tracker.evaluateAll(List.of(untouched, escalated, -1L))).as("nothing failed").isEmpty();
        assertThat(queries.status(escalated).targets()).isEmpty();
        assertThat(slaDueAt(escalated)).isNull();
        assertThat(queries.status(untouched).targets()).isEmpty();
    }

    @Test
    void the_check_warns_once_and_records_a_breach_once() throws Exception {
        settings.savePolicy(new SlaPolicySettings(null, "Normal", Priority.NORMAL, null, Duration.ofHours(1), null,
                null, true));
        long conversation = customerWrites("Hello?");
        Await.until("a first-response target", () -> target(conversation, SlaTarget.FIRST_RESPONSE).isPresent());
        Instant due = target(conversation, SlaTarget.FIRST_RESPONSE).orElseThrow().dueAt();

        tracker.sweep(due.minus(Duration.ofMinutes(20)));
        assertThat(events(conversation, "SLA_WARNING")).as("outside the 15-minute window").isZero();

        tracker.sweep(due.minus(Duration.ofMinutes(10)));
        tracker.sweep(due.minus(Duration.ofMinutes(5)));
        tracker.evaluate(conversation, due.minus(Duration.ofMinutes(4)));
        assertThat(events(conversation, "SLA_WARNING")).isEqualTo(1);
        assertThat(target(conversation, SlaTarget.FIRST_RESPONSE).orElseThrow().warnedAt())
                .isEqualTo(due.minus(Duration.ofMinutes(10)));
        assertThat(events(conversation, "SLA_BREACHED")).isZero();

        // Two checks at once (two nodes): still one breach; nor does an evaluation after a change add one.
        Instant late = due.plus(Duration.ofMinutes(1));
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> tracker.sweep(late));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> tracker.sweep(late));
        one.get();
        two.get();
        tracker.sweep(due.plus(Duration.ofHours(1)));
        tracker.evaluate(conversation, due.plus(Duration.ofHours(2)));
        assertThat(events(conversation, "SLA_BREACHED")).isEqualTo(1);
        assertThat(events(conversation, "SLA_WARNING")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select detail from conversation_event where conversation_id = ? and"
                + " event_type = 'SLA_BREACHED'", String.class, conversation))
                .contains("first response").contains("Normal").contains(due.toString());
        SlaTargetStatus breached = target(conversation, SlaTarget.FIRST_RESPONSE).orElseThrow();
        assertThat(breached.breachedAt()).isEqualTo(due);
        assertThat(breached.metAt()).isNull();
        Await.until("the inbox sees the breach", () -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select sla_breached from conversation where id = ?", Boolean.class, conversation)));
        assertThat(queries.status(conversation).state()).isEqualTo(SlaState.BREACHED);
    }

    private void removeAllSettings() {
        settings.policies().forEach(p -> settings.deletePolicy(p.id()));
        settings.businessHours().forEach(h -> settings.deleteBusinessHours(h.id()));
    }

    private long customerWrites(String text) {
        Inbound inbound = new Inbound(pipeline, accounts, jdbc);
        return inbound.writes(inbound.anyWebchatAccount(), Inbound.newPhone(), "Pat SLA",
                text + " " + UUID.randomUUID()).conversationId();
    }

    private Optional<SlaTargetStatus> target(long conversation, SlaTarget target) {
        return queries.status(conversation).targets().stream().filter(t -> t.target() == target)
                .reduce((first, second) -> second);
    }

    private Instant createdAt(long conversation) {
        return utc(jdbc.queryForObject("select created_at from conversation where id = ?", LocalDateTime.class,
                conversation));
    }

    private Instant slaDueAt(long conversation) {
        return utc(jdbc.queryForObject("select sla_due_at from conversation where id = ?", LocalDateTime.class,
                conversation));
    }

    private Instant eventTime(long conversation, String type) {
        return utc(jdbc.queryForObject("select max(occurred_at) from conversation_event where conversation_id = ?"
                + " and event_type = ?", LocalDateTime.class, conversation, type));
    }

    private int events(long conversation, String type) {
        return jdbc.queryForObject("select count(*) from conversation_event where conversation_id = ? and"
                + " event_type = ?", Integer.class, conversation, type);
    }

    private static Instant utc(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
