package org.switchboard.portal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.portal.TestData;

/**
 * Rollups maintained incrementally equal a rebuild from scratch, after random (seeded) event sequences: random
 * customers, channels, teams, agents and intents; replies, notes, bot replies and escalations, transfers,
 * resolutions and reopens within and after 7 days, merges, split-offs, conversations without a start event, CSAT
 * surveys and ratings, SLA targets; delivered in batches of random size, some events late (after later ones).
 */
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class RollupConsistencyTest extends MetricsTestBase {

    private static final String[] INTENTS = {"billing", "delivery", "login", "refund request"};

    @Autowired
    DataSource dataSource;
    @Autowired
    MetricsProjection projection;
    @Autowired
    MetricsRebuild rebuild;

    @ParameterizedTest
    @ValueSource(longs = {7L, 20250307L, 424242L})
    void incremental_rollups_equal_a_rebuild_after_random_event_sequences(long randomSeed) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Random random = new Random(randomSeed);
        Seed seed = new Seed(jdbc, 600_000_000_000L + randomSeed * 1_000_000L);
        List<String> accounts = List.of(seed.account("Random web", "webchat"), seed.account("Random mail", "email"),
                seed.account("Random wa", "whatsapp"));
        List<Long> teams = List.of(seed.team("Random A"), seed.team("Random B"));
        List<Long> agents = List.of(seed.agent("Random 1"), seed.agent("Random 2"), seed.agent("Random 3"));
        List<Long> customers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            customers.add(seed.customer());
        }
        List<long[]> slaRows = new ArrayList<>();
        List<Long> conversations = new ArrayList<>();
        Instant base = Instant.parse("2024-01-08T07:00:00Z");
        for (int n = 0; n < 50; n++) {
            long customer = customers.get(random.nextInt(customers.size()));
            String account = accounts.get(random.nextInt(accounts.size()));
            Instant start = base.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 40)));
            long id = seed.conversation(customer, account, start);
            conversations.add(id);
            generate(random, seed, id, account, start, accounts, teams, agents, conversations, slaRows);
        }

        // Delivery: in time order, with some events arriving after later ones, in batches of random size.
        List<Seed.QueuedEvent> events = new ArrayList<>(seed.queued);
        events.sort(Comparator.comparing(Seed.QueuedEvent::at).thenComparing(Seed.QueuedEvent::id));
        for (int i = 0; i + 1 < events.size(); i++) {
            if (random.nextInt(10) == 0) {
                events.set(i, events.set(i + 1, events.get(i)));
            }
        }
        int next = 0;
        int slaNext = 0;
        while (next < events.size()) {
            int size = 1 + random.nextInt(12);
            Set<Long> touched = new LinkedHashSet<>();
            for (int i = next; i < Math.min(events.size(), next + size); i++) {
                seed.insert(events.get(i));
                touched.add(events.get(i).conversationId());
            }
            next += size;
            // SLA targets are written (met or breached) by the SLA package along the way.
            while (slaNext < slaRows.size() && random.nextInt(3) == 0) {
                long[] row = slaRows.get(slaNext++);
                insertSla(seed, row);
                touched.add(row[0]);
            }
            projection.refresh(touched);
        }
        while (slaNext < slaRows.size()) {
            long[] row = slaRows.get(slaNext++);
            insertSla(seed, row);
            projection.refresh(List.of(row[0]));
        }

        Map<String, String> incrementalRollups = MetricsFixtureTest.rollupSnapshot(jdbc, LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31));
        Map<String, String> incrementalFacts = factSnapshot(jdbc, conversations);
        assertThat(incrementalFacts).as("facts of the random conversations").hasSizeGreaterThan(50);

        rebuild.rebuild();
        assertThat(MetricsFixtureTest.differences(incrementalFacts, factSnapshot(jdbc, conversations))).isEmpty();
        assertThat(MetricsFixtureTest.differences(incrementalRollups, MetricsFixtureTest.rollupSnapshot(jdbc,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))).isEmpty();
    }

    /* One conversation's life: a random walk over what can happen to it. */
    private static void generate(Random random, Seed seed, long id, String account, Instant start,
            List<String> accounts, List<Long> teams, List<Long> agents, List<Long> earlier, List<long[]> slaRows) {
        int opening = random.nextInt(10);
        if (opening < 8) {
            seed.queue(id, "CREATED", start, null, account, null);
        } else if (opening == 8) {
            seed.queue(id, "SPLIT_FROM", start, agents.getFirst(), null, "from #" + earlier.getFirst());
        }
        Instant at = start;
        boolean resolved = false;
        boolean replied = false;
        String channel = account;
        int surveys = 0;
        boolean firstResponseTarget = false;
        int steps = 2 + random.nextInt(14);
        for (int step = 0; step < steps; step++) {
            at = at.plus(random.nextInt(8) == 0 ? Duration.ofHours(24 * (3 + random.nextInt(10)))
                    : Duration.ofSeconds(1 + random.nextInt(7200)));
            Long agent = agents.get(random.nextInt(agents.size()));
            switch (random.nextInt(16)) {
                case 0 -> seed.queue(id, "AI_CLASSIFIED", at, null, null, (random.nextBoolean() ? "intent:"
                        + INTENTS[random.nextInt(INTENTS.length)] : "sentiment:negative") + " 0.81 (m@1)");
                case 1 -> seed.queue(id, "TEAM_CHANGED", at, random.nextBoolean() ? agent : null, null,
                        random.nextInt(5) == 0 ? "no team" : "team #" + teams.get(random.nextInt(teams.size())));
                case 2 -> seed.queue(id, "ASSIGNED", at, null, null,
                        random.nextInt(5) == 0 ? "unassigned" : "agent #" + agent);
                case 3, 4 -> {
                    if (!replied) {
                        seed.queue(id, "FIRST_RESPONSE", at, agent, channel, null);
                        replied = true;
                    }
                    seed.queue(id, "AGENT_REPLY", at, agent, channel, null);
                }
                case 5 -> seed.queue(id, "BOT_REPLY", at, null, channel, "0.90 (bot@1) sources []");
                case 6 -> seed.queue(id, "ESCALATED", at, null, null, "low confidence (bot@1)");
                case 7 -> seed.queue(id, "NOTE_ADDED", at, agent, null, null);
                case 8, 9 -> {
                    if (!resolved) {
                        seed.queue(id, "RESOLVED", at, random.nextBoolean() ? agent : null, null, "OPEN -> RESOLVED");
                        resolved = true;
                        if (random.nextInt(3) == 0) {
                            slaRows.add(new long[] {id, 1, at.minusSeconds(600).getEpochSecond(),
                                    at.plusSeconds(random.nextInt(1200) - 600).getEpochSecond(), at.getEpochSecond()});
                        }
                    }
                }
                case 10 -> {
                    if (resolved) {
                        seed.queue(id, "REOPENED", at, null, channel, "customer wrote again");
                        resolved = false;
                    }
                }
                case 11 -> {
                    channel = accounts.get(random.nextInt(accounts.size()));
                    seed.queue(id, "CHANNEL_SWITCHED", at, null, channel, "from somewhere");
                }
                case 12 -> seed.queue(id, "CSAT_SENT", at, null, channel, "survey #" + (id * 10 + ++surveys));
                case 13 -> seed.queue(id, "CSAT_RATED", at, null, null, (1 + random.nextInt(5)) + "/5 by reply"
                        + (random.nextBoolean() && surveys > 0 ? ", survey #" + (id * 10 + surveys) : ""));
                case 14 -> {
                    if (random.nextInt(3) == 0) {
                        seed.queue(id, random.nextBoolean() ? "MERGED_AWAY" : "MERGED_IN", at, agent, null, "#1");
                    } else {
                        seed.queue(id, "STATUS_CHANGED", at, agent, null, "OPEN -> PENDING");
                    }
                }
                default -> {
                    if (!replied && !firstResponseTarget) {
                        firstResponseTarget = true;
                        slaRows.add(new long[] {id, 0, start.getEpochSecond(),
                                start.plusSeconds(1800).getEpochSecond(), random.nextBoolean() ? 1 : 0});
                    }
                }
            }
        }
    }

    /* {conversation, target (0 first response, 1 resolution), started, due, met or breached flag/time}. */
    private static void insertSla(Seed seed, long[] row) {
        Instant started = Instant.ofEpochSecond(row[2]);
        Instant due = Instant.ofEpochSecond(row[3]);
        if (row[1] == 0) {
            seed.slaTarget(row[0], "FIRST_RESPONSE", started, due, null, row[4] == 1 ? due : null);
        } else {
            seed.slaTarget(row[0], "RESOLUTION", started, due, Instant.ofEpochSecond(row[4]), null);
        }
    }

    private static Map<String, String> factSnapshot(JdbcTemplate jdbc, List<Long> conversations) {
        return new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc).query("select "
                + FactTable.COLUMNS + " from metric_fact where conversation_id in (:ids)", Map.of("ids", conversations),
                (rs, i) -> Map.entry(rs.getLong("conversation_id") + "/" + rs.getInt("seq"),
                        FactTable.fact(rs).toString()))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
