package org.switchboard.portal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.portal.metrics.Metric.*;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.portal.TestData;

/**
 * The dashboards' numbers equal values computed by hand from {@link MetricsFixture} — for every metric, over the
 * whole period, per channel, team, agent and intent, per day and week, and for the previous period — whether the
 * rollups were maintained event by event (as the events arrive, late ones included) or rebuilt from scratch.
 *
 * <p>Period: Mon 3 – Sun 16 March 2025 (Berlin); previous period: 17 Feb – 2 Mar. Business hours Mon–Fri
 * 09:00–17:00 Europe/Berlin. Durations below are seconds.
 */
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class MetricsFixtureTest extends MetricsTestBase {

    static final LocalDate FROM = LocalDate.of(2025, 3, 3);
    static final LocalDate TO = LocalDate.of(2025, 3, 16);

    private static MetricsFixture fixture;

    @Autowired
    DataSource dataSource;
    @Autowired
    MetricsProjection projection;
    @Autowired
    MetricsRebuild rebuild;
    @Autowired
    Metrics metrics;

    JdbcTemplate jdbc;

    /*
     * Seeded once: the events are inserted in time order, projecting the conversation after each one (as the
     * poller would when they arrive), with a check of the FCR flip half-way. Then rebuilt: the rollups must be the
     * same rows.
     */
    @BeforeEach
    void seedOnce() {
        jdbc = new JdbcTemplate(dataSource);
        synchronized (MetricsFixtureTest.class) {
            if (fixture != null) {
                return;
            }
            MetricsFixture seeded = new MetricsFixture(new Seed(jdbc, 700_000_000_000L));
            List<Seed.QueuedEvent> inOrder = seeded.seed.queued.stream()
                    .sorted(Comparator.comparing(Seed.QueuedEvent::at).thenComparing(Seed.QueuedEvent::id)).toList();
            boolean checkedBeforeReopen = false;
            for (Seed.QueuedEvent event : inOrder) {
                if (!checkedBeforeReopen && event.at().isAfter(MetricsFixture.t("03-08 00:00:00"))) {
                    // c6 resolved on Wed 5 and not reopened yet: its resolution still counts as first-contact.
                    // Resolutions on the 5th: c6, c9, c13, all FCR so far.
                    assertThat(dayValue(seeded, LocalDate.of(2025, 3, 5), FCR_RATE)).isEqualTo(1.0);
                    checkedBeforeReopen = true;
                }
                seeded.seed.insert(event);
                projection.refresh(List.of(event.conversationId()));
            }
            // The reopen on Sat 8 flipped c6's FCR in Wednesday's rollups: c9 and c13 remain, 2 of 3.
            assertThat(dayValue(seeded, LocalDate.of(2025, 3, 5), FCR_RATE)).isEqualTo(2.0 / 3);
            assertThat(dayValue(seeded, LocalDate.of(2025, 3, 5), REOPENED_RATE)).isEqualTo(1.0 / 3);

            Map<String, String> incremental = fixtureRows(jdbc);
            rebuild.rebuild();
            assertThat(differences(incremental, fixtureRows(jdbc))).isEmpty();
            fixture = seeded;
        }
    }

    private Double dayValue(MetricsFixture f, LocalDate day, Metric metric) {
        return metrics.report(new MetricsQuery(day, day, Granularity.DAY,
                MetricsFilter.ANY.withChannelAccounts(Set.copyOf(f.accounts())))).value(metric);
    }

    /** The rows that differ (key: before -> after), for readable failures. */
    static Map<String, String> differences(Map<String, String> before, Map<String, String> after) {
        Map<String, String> diff = new java.util.TreeMap<>();
        Set<String> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (!java.util.Objects.equals(before.get(key), after.get(key))) {
                diff.put(key, before.get(key) + " -> " + after.get(key));
            }
        }
        return diff;
    }

    /**
     * The rollup rows of a time window (local dates, inclusive), rendered, by key. Each test compares the window
     * its own data lives in: the tests share a database, and another test's conversations may still change.
     */
    static Map<String, String> rollupSnapshot(JdbcTemplate jdbc, LocalDate from, LocalDate to) {
        return jdbc.query("select " + RollupTable.KEY_COLUMNS + ", " + RollupTable.VALUE_COLUMNS
                + " from metric_rollup where period >= ? and period < ?", (rs, i) -> Map.entry(
                        RollupTable.key(rs).toString(), RollupTable.totals(rs).toString()),
                from.atStartOfDay(), to.plusDays(1).atStartOfDay())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The fixture's window: February and March 2025. */
    static Map<String, String> fixtureRows(JdbcTemplate jdbc) {
        return rollupSnapshot(jdbc, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 31));
    }

    private MetricsReport period() {
        return metrics.report(new MetricsQuery(FROM, TO, Granularity.DAY, MetricsFilter.ANY));
    }

    @Test
    void every_metric_over_the_period_equals_the_hand_computed_value() {
        MetricsReport report = period();
        // c1..c19 start in the period (p1 is in February).
        assertThat(report.value(CONVERSATIONS)).isEqualTo(19.0);

        // First response, 13 samples (c8, c12, c14, c17, c18, c19 have no human reply), calendar:
        // c1 150, c7 180, c6 240, c3 300, c4 300, c11 300, c13 300, c10 400, c9 600, c16 720 (the notes at +2 and
        // +5 min do not count), c15 3300, c5 3900 (created 08:00, replied 09:05), c2 233000 (Fri 16:30 -> Mon
        // 09:13:20). Median = 7th = 300; p90 = 12th (ceil 11.7) = 3900; sum 243690.
        assertThat(report.value(FIRST_RESPONSE_MEDIAN)).isEqualTo(300.0);
        assertThat(report.value(FIRST_RESPONSE_P90)).isEqualTo(3900.0);
        assertThat(report.value(FIRST_RESPONSE_AVERAGE)).isEqualTo(243690.0 / 13);
        // Business hours: c5 counts from the 09:00 opening (300); c2 = Fri 16:30-17:00 + Mon 09:00-09:13:20 = 2600.
        // Sorted: 150 180 240 300 300 300 300 300 400 600 720 2600 3300: median 300, p90 = 12th = 2600; sum 9690.
        assertThat(report.value(FIRST_RESPONSE_BUSINESS_MEDIAN)).isEqualTo(300.0);
        assertThat(report.value(FIRST_RESPONSE_BUSINESS_P90)).isEqualTo(2600.0);
        assertThat(report.value(FIRST_RESPONSE_BUSINESS_AVERAGE)).isEqualTo(9690.0 / 13);

        // Resolutions (one per contact): c1 c2 c3 c4 c5 c6 (its second resolve is the same contact) c7 (twice: the
        // reopen came 10 days later) c8 c9 c11 c13 c15 c16 = 14.
        assertThat(report.value(RESOLUTIONS)).isEqualTo(14.0);
        // Time to resolution, calendar: 600 (c6) 600 (c8) 900 (c7a) 1200 (c7b, from the reopen) 1200 (c13)
        // 1800 (c1) 1800 (c9) 1800 (c16) 2400 (c3) 2400 (c4) 2400 (c11) 4800 (c5) 6000 (c15) 234000 (c2).
        // Median = 7th = 1800, p90 = 13th (ceil 12.6) = 6000, sum 261900.
        assertThat(report.value(RESOLUTION_MEDIAN)).isEqualTo(1800.0);
        assertThat(report.value(RESOLUTION_P90)).isEqualTo(6000.0);
        assertThat(report.value(RESOLUTION_AVERAGE)).isEqualTo(261900.0 / 14);
        // Business: c5 1200 (09:00-09:20), c2 3600 (30 min Friday + 30 min Monday), the rest as calendar.
        // 600 600 900 1200 1200 1200 1800 1800 1800 2400 2400 2400 3600 6000: median 1800, p90 3600, sum 27900.
        assertThat(report.value(RESOLUTION_BUSINESS_MEDIAN)).isEqualTo(1800.0);
        assertThat(report.value(RESOLUTION_BUSINESS_P90)).isEqualTo(3600.0);
        assertThat(report.value(RESOLUTION_BUSINESS_AVERAGE)).isEqualTo(27900.0 / 14);

        // FCR: not c3 (two replies), c4 (team and agent transfer), c5 (a1 -> a3), c6 (reopened within 7 days), c11
        // (two replies); c7 counts twice (each contact one reply), c8 with zero human replies: 9 of 14.
        assertThat(report.value(FCR_RATE)).isEqualTo(9.0 / 14);
        assertThat(report.value(REOPENED_RATE)).isEqualTo(1.0 / 14);

        // CSAT: surveys c1 (5), c2 (no answer), c3 (3), c16 (4, answered the next day): 2 of 3 satisfied,
        // 3 of 4 answered, average 12/3.
        assertThat(report.value(CSAT_SCORE)).isEqualTo(2.0 / 3);
        assertThat(report.value(CSAT_RESPONSE_RATE)).isEqualTo(3.0 / 4);
        assertThat(report.value(CSAT_AVERAGE)).isEqualTo(4.0);
        assertThat(report.value(CSAT_RATINGS)).isEqualTo(3.0);

        // Bot: engaged c8, c9, c10; escalated c9 (ESCALATED) and c10 (a human replied after the bot); resolved
        // by the bot c8.
        assertThat(report.value(BOT_CONVERSATIONS)).isEqualTo(3.0);
        assertThat(report.value(ESCALATION_RATE)).isEqualTo(2.0 / 3);
        assertThat(report.value(BOT_RESOLUTION_RATE)).isEqualTo(1.0 / 3);

        // Channel switches: c11 (resolved after it) and c12 (never resolved) of 19.
        assertThat(report.value(CHANNEL_SWITCH_RATE)).isEqualTo(2.0 / 19);
        assertThat(report.value(CROSS_CHANNEL_RESOLUTION_RATE)).isEqualTo(1.0 / 2);

        // Repeat contacts among the 18 with an intent (c18 has none): c13 (K1 billing, c1 closed 2 days before)
        // and c17 (K12 login while c12 is open). Not c14 (other intent), not c19 (c3 closed 9 days before).
        assertThat(report.value(REPEAT_CONTACT_RATE)).isEqualTo(2.0 / 18);

        // SLA: c1 met both; c15 breached first response and met resolution late (counts as breached).
        assertThat(report.value(SLA_FIRST_RESPONSE_BREACH_RATE)).isEqualTo(1.0 / 2);
        assertThat(report.value(SLA_RESOLUTION_BREACH_RATE)).isEqualTo(1.0 / 2);

        // Workload: assignments c1 c2 c3 c4(x2) c5(x2) c6 c7 c9 c10 c11 c13 c15 c16 = 15; human replies
        // c1 c2 c3(2) c4 c5 c6(2) c7(2) c9 c10 c11(2) c13 c15 c16 = 17 (notes excluded).
        assertThat(report.value(ASSIGNED)).isEqualTo(15.0);
        assertThat(report.value(REPLIES)).isEqualTo(17.0);

        // Every metric is asserted above.
        assertThat(report.current().keySet()).containsExactlyInAnyOrder(Metric.values());
    }

    @Test
    void the_previous_period_and_the_series_are_computed_from_their_own_days() {
        MetricsReport report = period();
        // 17 Feb - 2 Mar: only p1 (reply after 120 s, resolved after 600 s, FCR).
        assertThat(report.previousValue(CONVERSATIONS)).isEqualTo(1.0);
        assertThat(report.previousValue(FIRST_RESPONSE_MEDIAN)).isEqualTo(120.0);
        assertThat(report.previousValue(RESOLUTION_MEDIAN)).isEqualTo(600.0);
        assertThat(report.previousValue(FCR_RATE)).isEqualTo(1.0);
        assertThat(report.previousValue(CSAT_SCORE)).isNull();

        assertThat(report.series()).hasSize(14);
        Function<Integer, Map<Metric, Double>> day = d -> report.series().stream()
                .filter(p -> p.start().toLocalDate().equals(LocalDate.of(2025, 3, d))).findFirst().orElseThrow()
                .values();
        // Mon 3: c1, c3, c7 start; c1, c3, c7 (first contact) resolved.
        assertThat(day.apply(3).get(CONVERSATIONS)).isEqualTo(3.0);
        assertThat(day.apply(3).get(RESOLUTIONS)).isEqualTo(3.0);
        // Mon 10: c2's first response (233000) and resolution; c6's second resolve is not a new resolution.
        assertThat(day.apply(10).get(FIRST_RESPONSE_MEDIAN)).isEqualTo(233000.0);
        assertThat(day.apply(10).get(RESOLUTIONS)).isEqualTo(1.0);
        // Thu 13: c7's second contact resolved (1200 from the reopen); c16's rating is counted on the 12th.
        assertThat(day.apply(13).get(RESOLUTION_MEDIAN)).isEqualTo(1200.0);
        assertThat(day.apply(13).get(CSAT_RATINGS)).isEqualTo(0.0);
        assertThat(day.apply(12).get(CSAT_SCORE)).isEqualTo(1.0);
        // Sun 16: nothing.
        assertThat(day.apply(16).get(CONVERSATIONS)).isEqualTo(0.0);
        assertThat(day.apply(16).get(FIRST_RESPONSE_MEDIAN)).isNull();

        MetricsReport weekly = metrics.report(new MetricsQuery(FROM, TO, Granularity.WEEK, MetricsFilter.ANY));
        assertThat(weekly.series()).extracting(p -> p.values().get(CONVERSATIONS)).containsExactly(14.0, 5.0);

        // Hourly over Wed 12: c19 09h, c17 10h, c18 11h, c16 14h.
        MetricsReport hourly = metrics.report(new MetricsQuery(LocalDate.of(2025, 3, 12), LocalDate.of(2025, 3, 12),
                Granularity.HOUR, MetricsFilter.ANY));
        assertThat(hourly.series()).hasSize(24);
        assertThat(hourly.series()).extracting(p -> p.values().get(CONVERSATIONS)).containsExactly(0.0, 0.0, 0.0,
                0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
                0.0);
        // Conversations by local hour of day over the period: 08h c5; 09h c4 c13 c14 c15 c19; 10h c1 c6 c11 c17;
        // 11h c3 c12 c18; 12h c8; 13h c9; 14h c7 c16; 15h c10; 16h c2.
        assertThat(report.conversationsByHourOfDay()).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 5L, 4L,
                3L, 1L, 1L, 2L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    }

    @Test
    void per_channel_figures_equal_the_hand_computed_ones() {
        Map<String, BreakdownRow> rows = byKey(metrics.breakdown(new MetricsQuery(FROM, TO, Granularity.DAY,
                MetricsFilter.ANY), Dimension.CHANNEL_ACCOUNT));
        assertThat(rows.keySet()).containsExactlyInAnyOrder(fixture.web, fixture.email, fixture.whatsapp);
        BreakdownRow web = rows.get(fixture.web);
        BreakdownRow email = rows.get(fixture.email);
        BreakdownRow whatsapp = rows.get(fixture.whatsapp);
        // Started on: W c1 c3 c6 c8 c9 c11 c13 c14 c17 c18 c19; E c2 c5 c7 c12 c16; A c4 c10 c15.
        assertThat(web.value(CONVERSATIONS)).isEqualTo(11.0);
        assertThat(email.value(CONVERSATIONS)).isEqualTo(5.0);
        assertThat(whatsapp.value(CONVERSATIONS)).isEqualTo(3.0);
        // First response on: W c1 150 c6 240 c3 300 c11 300 c13 300 c9 600 -> median (3rd) 300;
        // E c7 180 c16 720 c5 3900 c2 233000 -> 720; A c4 300 c10 400 c15 3300 -> 400.
        assertThat(web.value(FIRST_RESPONSE_MEDIAN)).isEqualTo(300.0);
        assertThat(email.value(FIRST_RESPONSE_MEDIAN)).isEqualTo(720.0);
        assertThat(whatsapp.value(FIRST_RESPONSE_MEDIAN)).isEqualTo(400.0);
        // Resolved on: W c1 c3 c6 c8 c9 c13 (FCR c1 c8 c9 c13); E c2 c5 c7a c7b c16 (all but c5); A c4 c11 (after
        // its switch) c15 (only c15).
        assertThat(web.value(RESOLUTIONS)).isEqualTo(6.0);
        assertThat(web.value(FCR_RATE)).isEqualTo(4.0 / 6);
        assertThat(email.value(FCR_RATE)).isEqualTo(4.0 / 5);
        assertThat(whatsapp.value(FCR_RATE)).isEqualTo(1.0 / 3);
        // Switches by starting channel: W c11 of 11, E c12 of 5.
        assertThat(web.value(CHANNEL_SWITCH_RATE)).isEqualTo(1.0 / 11);
        assertThat(email.value(CHANNEL_SWITCH_RATE)).isEqualTo(1.0 / 5);
        assertThat(whatsapp.value(CHANNEL_SWITCH_RATE)).isEqualTo(0.0);

        Map<String, BreakdownRow> kinds = byKey(metrics.breakdown(new MetricsQuery(FROM, TO, Granularity.DAY,
                MetricsFilter.ANY), Dimension.CHANNEL_KIND));
        assertThat(kinds.get("email").value(RESOLUTIONS)).isEqualTo(5.0);
        assertThat(metrics.report(new MetricsQuery(FROM, TO, Granularity.DAY,
                MetricsFilter.ANY.withChannelKinds(Set.of("whatsapp")))).value(CONVERSATIONS)).isEqualTo(3.0);
    }

    @Test
    void per_agent_and_per_team_figures_equal_the_hand_computed_ones() {
        MetricsQuery query = new MetricsQuery(FROM, TO, Granularity.DAY, MetricsFilter.ANY);
        Map<String, BreakdownRow> agents = byKey(metrics.breakdown(query, Dimension.AGENT));
        BreakdownRow a1 = agents.get(String.valueOf(fixture.a1));
        BreakdownRow a2 = agents.get(String.valueOf(fixture.a2));
        BreakdownRow a3 = agents.get(String.valueOf(fixture.a3));
        BreakdownRow none = agents.get("0");
        // a1 replied first in c1 150, c3 300, c4 300, c13 300, c10 400: median 300. Resolved (as assignee) c1, c3,
        // c13 (c4 went to a2): FCR c1, c13. CSAT c1 5, c3 3. Assigned c1 c3 c4 c5 c10 c13; replies 6.
        assertThat(a1.value(FIRST_RESPONSE_MEDIAN)).isEqualTo(300.0);
        assertThat(a1.value(RESOLUTIONS)).isEqualTo(3.0);
        assertThat(a1.value(FCR_RATE)).isEqualTo(2.0 / 3);
        assertThat(a1.value(CSAT_SCORE)).isEqualTo(1.0 / 2);
        assertThat(a1.value(ASSIGNED)).isEqualTo(6.0);
        assertThat(a1.value(REPLIES)).isEqualTo(6.0);
        // Volume goes to the first assignee: a1 c1 c3 c4 c5 c10 c13.
        assertThat(a1.value(CONVERSATIONS)).isEqualTo(6.0);
        // a2: first responses c6 240, c11 300, c9 600, c16 720, c2 233000 -> median 600; resolved c2 c4 c6 c9 c11
        // c16, FCR c2 c9 c16; CSAT: c2 unanswered, c16 4.
        assertThat(a2.value(FIRST_RESPONSE_MEDIAN)).isEqualTo(600.0);
        assertThat(a2.value(RESOLUTIONS)).isEqualTo(6.0);
        assertThat(a2.value(FCR_RATE)).isEqualTo(3.0 / 6);
        assertThat(a2.value(CSAT_RESPONSE_RATE)).isEqualTo(1.0 / 2);
        assertThat(a2.value(REPLIES)).isEqualTo(7.0);
        // a3: c7 180, c15 3300, c5 3900 -> median 3300; resolved c5 c7a c7b c15, FCR all but c5. SLA: c15's both
        // targets breached (state at the due times: a3).
        assertThat(a3.value(FIRST_RESPONSE_MEDIAN)).isEqualTo(3300.0);
        assertThat(a3.value(FCR_RATE)).isEqualTo(3.0 / 4);
        assertThat(a3.value(SLA_FIRST_RESPONSE_BREACH_RATE)).isEqualTo(1.0);
        assertThat(a1.value(SLA_FIRST_RESPONSE_BREACH_RATE)).isEqualTo(0.0);
        // No agent: the bot facts, c8's resolution, volume of never-assigned c8 c12 c14 c17 c18 c19.
        assertThat(none.value(BOT_CONVERSATIONS)).isEqualTo(3.0);
        assertThat(none.value(RESOLUTIONS)).isEqualTo(1.0);
        assertThat(none.value(CONVERSATIONS)).isEqualTo(6.0);

        // The agent filter gives the same as the breakdown row.
        MetricsReport onlyA2 = metrics.report(query.withFilter(MetricsFilter.ANY.withAgents(Set.of(fixture.a2))));
        assertThat(onlyA2.value(FIRST_RESPONSE_MEDIAN)).isEqualTo(600.0);
        assertThat(onlyA2.value(FCR_RATE)).isEqualTo(3.0 / 6);

        Map<String, BreakdownRow> teams = byKey(metrics.breakdown(query, Dimension.TEAM));
        // Volume by first team: T1 c1 c3 c4 c7 c12 c13 c15; T2 c2 c5 c6 c9 c11 c16; none c8 c10 c14 c17 c18 c19.
        assertThat(teams.get(String.valueOf(fixture.t1)).value(CONVERSATIONS)).isEqualTo(7.0);
        assertThat(teams.get(String.valueOf(fixture.t2)).value(CONVERSATIONS)).isEqualTo(6.0);
        assertThat(teams.get("0").value(CONVERSATIONS)).isEqualTo(6.0);
        // Resolutions by team at resolution: T1 c1 c3 c7a c7b c13 c15; T2 c2 c4 (after its transfer) c5 c6 c9 c11
        // c16; none c8.
        assertThat(teams.get(String.valueOf(fixture.t1)).value(RESOLUTIONS)).isEqualTo(6.0);
        assertThat(teams.get(String.valueOf(fixture.t2)).value(RESOLUTIONS)).isEqualTo(7.0);

        Map<String, BreakdownRow> intents = byKey(metrics.breakdown(query, Dimension.INTENT));
        assertThat(intents.get("billing").value(CONVERSATIONS)).isEqualTo(7.0);
        assertThat(intents.get("delivery").value(CONVERSATIONS)).isEqualTo(5.0);
        assertThat(intents.get("login").value(CONVERSATIONS)).isEqualTo(6.0);
        assertThat(intents.get("").value(CONVERSATIONS)).isEqualTo(1.0);
        assertThat(intents.get("billing").value(REPEAT_CONTACT_RATE)).isEqualTo(1.0 / 7);
        // Two filters at once are one cube level: billing on web chat = c1 c3 c13 c19.
        assertThat(metrics.report(query.withFilter(MetricsFilter.ANY.withIntents(Set.of("billing"))
                .withChannelAccounts(Set.of(fixture.web)))).value(CONVERSATIONS)).isEqualTo(4.0);
        assertThat(metrics.intents()).contains("billing", "delivery", "login");
    }

    @Test
    void an_agent_may_read_only_their_own_figures() {
        MetricsQuery query = new MetricsQuery(FROM, TO, Granularity.DAY, MetricsFilter.ANY);
        var previous = SecurityContextHolder.getContext().getAuthentication();
        try {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "agent" + fixture.a3 + "@metrics.test", null, List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
            MetricsQuery own = query.withFilter(MetricsFilter.ANY.withAgents(Set.of(fixture.a3)));
            assertThat(metrics.report(own).value(RESOLUTIONS)).isEqualTo(4.0);
            assertThat(metrics.breakdown(own, Dimension.AGENT)).extracting(BreakdownRow::key)
                    .containsExactly(String.valueOf(fixture.a3));
            assertThatThrownBy(() -> metrics.report(query)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> metrics.report(query.withFilter(MetricsFilter.ANY.withAgents(
                    Set.of(fixture.a1))))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> metrics.breakdown(query, Dimension.AGENT))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    @Test
    void a_rebuild_again_changes_nothing_and_refreshing_unchanged_conversations_is_a_no_op() {
        Map<String, String> before = fixtureRows(jdbc);
        Set<Long> all = new HashSet<>();
        for (long id : fixture.c) {
            all.add(id);
        }
        assertThat(projection.refresh(all)).isZero();
        rebuild.rebuild();
        assertThat(differences(before, fixtureRows(jdbc))).isEmpty();
    }

    private static Map<String, BreakdownRow> byKey(List<BreakdownRow> rows) {
        return rows.stream().collect(Collectors.toMap(BreakdownRow::key, r -> r));
    }
}
