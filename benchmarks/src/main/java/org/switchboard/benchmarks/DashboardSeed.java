package org.switchboard.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A year of conversations and their events, written with plain JDBC batches in the shapes the portal's services
 * record them (ids far above the portal's sequences). Deterministic for a seed. Per conversation: created on one of
 * 4 channels, classified into one of 8 intents; 30% answered by the bot first (some escalate, some resolve alone);
 * the rest routed to one of 5 teams, assigned to one of its 8 agents, answered (log-normal first response from
 * seconds to hours), sometimes a second reply, a note, a transfer or a channel switch; 85% resolved, 5% of those
 * reopened within 3 days and resolved again; half of the resolved get a CSAT survey, a third of those a rating;
 * 30% carry a first-response SLA target of 1 hour. Reopens always come within 7 days, so a raw SQL query can count
 * resolutions as "first RESOLVED per conversation".
 */
final class DashboardSeed {

    static final long ID_BASE = 2_000_000_000_000L;
    static final Instant YEAR_START = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant YEAR_END = Instant.parse("2026-01-01T00:00:00Z");
    static final String[] INTENTS = {"billing", "delivery", "returns", "login", "refund", "product", "complaint",
        "other"};
    private static final String[] KINDS = {"webchat", "email", "whatsapp", "sms"};
    /* Conversations per local hour of day, roughly office-shaped. */
    private static final int[] HOUR_WEIGHT = {1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 10, 9, 9, 10, 10, 9, 8, 6, 5, 4, 3,
        2, 1};

    private final DataSource db;
    private final Random random;
    private final List<String> accounts = new ArrayList<>();
    private final List<Long> agents = new ArrayList<>();
    private final int teams = 5;
    private long eventId = ID_BASE;
    private long slaId = ID_BASE;
    long events;
    long slaTargets;

    DashboardSeed(DataSource db, long seed) {
        this.db = db;
        this.random = new Random(seed);
    }

    List<String> accounts() {
        return accounts;
    }

    void run(int conversations) throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement s = c.prepareStatement("insert into channel_account (id, name, connector_id,"
                    + " config, enabled, created_at) values (?, ?, ?, '{}', false, ?)")) {
                for (String kind : KINDS) {
                    String id = UUID.randomUUID().toString();
                    accounts.add(id);
                    s.setString(1, id);
                    s.setString(2, "bench " + kind);
                    s.setString(3, kind);
                    s.setTimestamp(4, now);
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement team = c.prepareStatement("insert into team (id, name, created_at) values (?, ?, ?)");
                    PreparedStatement agent = c.prepareStatement("insert into agent (id, email, display_name,"
                            + " password_hash, enabled, password_change_required, created_at)"
                            + " values (?, ?, ?, 'x', true, false, ?)")) {
                for (int t = 1; t <= teams; t++) {
                    team.setLong(1, ID_BASE + t);
                    team.setString(2, "Bench team " + t);
                    team.setTimestamp(3, now);
                    team.addBatch();
                    for (int a = 1; a <= 8; a++) {
                        long id = ID_BASE + t * 100 + a;
                        agents.add(id);
                        agent.setLong(1, id);
                        agent.setString(2, "bench" + id + "@example.test");
                        agent.setString(3, "Bench agent " + t + "." + a);
                        agent.setTimestamp(4, now);
                        agent.addBatch();
                    }
                }
                team.executeBatch();
                agent.executeBatch();
            }
            c.commit();

            int customers = Math.max(1, conversations * 7 / 10);
            try (PreparedStatement customer = c.prepareStatement("insert into customer (id, display_name,"
                    + " created_at, updated_at) values (?, null, ?, ?)")) {
                for (int k = 1; k <= customers; k++) {
                    customer.setLong(1, ID_BASE + k);
                    customer.setTimestamp(2, now);
                    customer.setTimestamp(3, now);
                    customer.addBatch();
                    if (k % 2000 == 0) {
                        customer.executeBatch();
                        c.commit();
                    }
                }
                customer.executeBatch();
                c.commit();
            }
            try (PreparedStatement conversation = c.prepareStatement("insert into conversation (id, customer_id,"
                    + " status, priority, last_channel_account_id, last_activity_at, unread_count, created_at, version)"
                    + " values (?, ?, ?, 'NORMAL', ?, ?, 0, ?, 0)");
                    PreparedStatement event = c.prepareStatement("insert into conversation_event (id,"
                            + " conversation_id, event_type, occurred_at, agent_id, channel_account_id, detail)"
                            + " values (?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement sla = c.prepareStatement("insert into conversation_sla (id, conversation_id,"
                            + " target, policy_id, policy_name, started_at, due_at, met_at, warned_at, breached_at,"
                            + " version) values (?, ?, 'FIRST_RESPONSE', null, 'Bench', ?, ?, ?, null, ?, 0)")) {
                long secondsInYear = Duration.between(YEAR_START, YEAR_END).getSeconds();
                int weightSum = java.util.Arrays.stream(HOUR_WEIGHT).sum();
                for (int n = 1; n <= conversations; n++) {
                    long id = ID_BASE + n;
                    long day = random.nextLong(secondsInYear / 86400);
                    int pick = random.nextInt(weightSum);
                    int hour = 0;
                    while (pick >= HOUR_WEIGHT[hour]) {
                        pick -= HOUR_WEIGHT[hour];
                        hour++;
                    }
                    Instant start = YEAR_START.plusSeconds(day * 86400 + hour * 3600L + random.nextInt(3600));
                    String account = accounts.get(random.nextInt(accounts.size()));
                    long customer = ID_BASE + 1 + random.nextInt(customers);
                    boolean resolved = script(event, sla, id, start, account);
                    conversation.setLong(1, id);
                    conversation.setLong(2, customer);
                    conversation.setString(3, resolved ? "RESOLVED" : "OPEN");
                    conversation.setString(4, account);
                    conversation.setObject(5, utc(start));
                    conversation.setObject(6, utc(start));
                    conversation.addBatch();
                    if (n % 500 == 0) {
                        conversation.executeBatch();
                        event.executeBatch();
                        sla.executeBatch();
                        c.commit();
                    }
                }
                conversation.executeBatch();
                event.executeBatch();
                sla.executeBatch();
                c.commit();
            }
            try (Statement analyze = c.createStatement()) {
                analyze.execute("analyze table customer, conversation, conversation_event, conversation_sla");
            }
            c.commit();
        }
    }

    /* Queues one conversation's events; returns whether it ends resolved. */
    private boolean script(PreparedStatement e, PreparedStatement sla, long id, Instant start, String account)
            throws Exception {
        Instant t = start;
        add(e, id, "CREATED", t, null, account, null);
        add(e, id, "AI_CLASSIFIED", t.plusSeconds(5), null, null, "intent:" + INTENTS[random.nextInt(INTENTS.length)]
                + " 0.9" + random.nextInt(10) + " (intent-model@1.0)");
        String channel = account;
        if (random.nextInt(10) < 3) {
            add(e, id, "BOT_REPLY", t.plusSeconds(20), null, channel, "0.90 (assistant@1) sources [kb]");
            int outcome = random.nextInt(100);
            if (outcome < 35) {
                Instant resolvedAt = t.plusSeconds(120 + random.nextInt(1800));
                add(e, id, "RESOLVED", resolvedAt, null, null, "OPEN -> RESOLVED");
                csat(e, id, resolvedAt, channel);
                return true;
            }
            if (outcome < 75) {
                t = t.plusSeconds(60);
                add(e, id, "ESCALATED", t, null, null, "customer asked for a human (assistant@1)");
            } else {
                t = t.plusSeconds(60);
            }
        }
        int team = 1 + random.nextInt(teams);
        long agent = ID_BASE + team * 100 + 1 + random.nextInt(8);
        add(e, id, "TEAM_CHANGED", t.plusSeconds(10), null, null, "team #" + (ID_BASE + team) + ": rule");
        if (random.nextInt(20) == 0) {
            return false;
        }
        add(e, id, "ASSIGNED", t.plusSeconds(40), null, null, "agent #" + agent + ": automatic, round robin");
        // Log-normal first response: median about 4 minutes, a long tail into hours.
        long frt = Math.max(5, Math.min(86400 * 3, Math.round(Math.exp(5.5 + 1.3 * random.nextGaussian()))));
        Instant first = start.plusSeconds(frt).isAfter(t.plusSeconds(41)) ? start.plusSeconds(frt) : t.plusSeconds(41);
        if (random.nextInt(5) == 0) {
            add(e, id, "NOTE_ADDED", first.minusSeconds(2), agent, null, null);
        }
        add(e, id, "FIRST_RESPONSE", first, agent, channel, null);
        add(e, id, "AGENT_REPLY", first, agent, channel, null);
        if (random.nextInt(10) < 3) {
            Instant due = start.plusSeconds(3600);
            sla.setLong(1, ++slaId);
            sla.setLong(2, id);
            sla.setObject(3, utc(start));
            sla.setObject(4, utc(due));
            sla.setObject(5, utc(first));
            sla.setObject(6, first.isAfter(due) ? utc(due) : null);
            sla.addBatch();
            slaTargets++;
        }
        t = first;
        if (random.nextInt(10) == 0) {
            String switched = accounts.get(random.nextInt(accounts.size()));
            if (!switched.equals(channel)) {
                t = t.plusSeconds(300 + random.nextInt(3600));
                add(e, id, "CHANNEL_SWITCHED", t, null, switched, "from " + channel);
                channel = switched;
            }
        }
        if (random.nextInt(10) == 0) {
            int other = 1 + (team % teams);
            long otherAgent = ID_BASE + other * 100 + 1 + random.nextInt(8);
            t = t.plusSeconds(120);
            add(e, id, "TEAM_CHANGED", t, agent, null, "team #" + (ID_BASE + other) + ": transfer");
            add(e, id, "ASSIGNED", t.plusSeconds(30), agent, null, "agent #" + otherAgent);
            agent = otherAgent;
            t = t.plusSeconds(60);
        }
        if (random.nextInt(10) < 4) {
            t = t.plusSeconds(60 + random.nextInt(7200));
            add(e, id, "AGENT_REPLY", t, agent, channel, null);
        }
        if (random.nextInt(100) >= 85) {
            return false;
        }
        Instant resolvedAt = t.plusSeconds(300 + random.nextInt(86400 * 2));
        add(e, id, "RESOLVED", resolvedAt, agent, null, "OPEN -> RESOLVED");
        if (random.nextInt(20) == 0) {
            Instant reopened = resolvedAt.plusSeconds(3600 + random.nextInt(86400 * 3));
            add(e, id, "REOPENED", reopened, null, channel, "customer wrote again");
            add(e, id, "AGENT_REPLY", reopened.plusSeconds(600), agent, channel, null);
            resolvedAt = reopened.plusSeconds(1200);
            add(e, id, "RESOLVED", resolvedAt, agent, null, "OPEN -> RESOLVED");
        }
        csat(e, id, resolvedAt, channel);
        return true;
    }

    private void csat(PreparedStatement e, long id, Instant resolvedAt, String channel) throws Exception {
        if (random.nextBoolean()) {
            add(e, id, "CSAT_SENT", resolvedAt.plusSeconds(60), null, channel, "survey #" + id);
            if (random.nextInt(3) == 0) {
                int rating = random.nextInt(10) < 7 ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
                add(e, id, "CSAT_RATED", resolvedAt.plusSeconds(600 + random.nextInt(86400)), null, null,
                        rating + "/5 by reply, survey #" + id);
            }
        }
    }

    private void add(PreparedStatement s, long conversation, String type, Instant at, Long agent, String account,
            String detail) throws Exception {
        s.setLong(1, ++eventId);
        s.setLong(2, conversation);
        s.setString(3, type);
        s.setObject(4, utc(at));
        s.setObject(5, agent);
        s.setString(6, account);
        s.setString(7, detail);
        s.addBatch();
        events++;
    }

    static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
