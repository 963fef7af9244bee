package org.switchboard.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.switchboard.portal.customer.Sql;

/**
 * Writes the inbox data set with plain JDBC batches, ids far above the portal's sequences: agents in five teams,
 * customers, conversations with every column the inbox filters and sorts on (status, assignee, team, labels,
 * priority, intent, sentiment, waiting since, SLA due/breached, snooze), and their messages. Distributions:
 * a fifth of the conversations active (60% open, 25% pending, 15% snoozed), 30% unassigned, four channels.
 */
final class InboxSeed {

    static final long ID_BASE = 1_000_000_000_000L;
    /** Appears in about one message in 20,000 and nowhere else: the rare word of the search measurements. */
    static final String RARE_WORD = "lighthouse";
    static final String[] LABELS = {"vip", "refund", "bug", "feedback", "follow-up", "shipping-delay"};
    private static final double[] LABEL_SHARE = {0.05, 0.12, 0.06, 0.08, 0.10, 0.07};
    static final String[] INTENTS = {"order_status", "refund", "exchange", "shipping", "account",
        "product_question", "complaint"};
    static final String[] SENTIMENTS = {"positive", "neutral", "negative"};
    static final String[] LAST_NAMES = {"Andersen", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia",
        "Hansen", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Olsen", "Petrov", "Quinn",
        "Rossi", "Schmidt", "Tanaka", "Underwood", "Varga", "Weber", "Xu", "Yilmaz", "Zimmermann", "Bakker",
        "Murphy", "Nielsen", "Silva", "Horvat", "Kim", "Larsen", "Meyer", "Ortiz", "Popescu", "Ruiz", "Sato",
        "Tran", "Wagner"};
    private static final String[] FIRST_NAMES = {"Anna", "Ben", "Clara", "David", "Elif", "Felix", "Grace",
        "Hugo", "Ines", "Jonas", "Kaja", "Leo", "Maria", "Noah", "Olga", "Paul", "Rosa", "Sami", "Tara", "Yusuf"};
    private static final String[] TEAMS = {"Billing", "Shipping", "Returns", "Technical support", "Key accounts"};
    private static final String[] SUBJECTS = {"Question about order %d", "Refund for my %s",
        "Wrong address on invoice %d", "Exchange: %s in another size", "Re: your order %d has shipped"};
    private static final int COMMIT_EVERY = 500;

    private final DataSource db;
    private final InboxSettings settings;
    private final String passwordHash;
    private final SplittableRandom random;
    private final MessageTexts texts;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private InboxSeed(DataSource db, InboxSettings settings, String passwordHash) {
        this.db = db;
        this.settings = settings;
        this.passwordHash = passwordHash;
        this.random = new SplittableRandom(settings.seed());
        this.texts = new MessageTexts(new Random(settings.seed()));
    }

    /**
     * @param passwordHash the encoded password of every seeded agent (one hash: encoding is slow by design)
     */
    static InboxDataSet run(DataSource db, InboxSettings settings, String password, String passwordHash)
            throws SQLException {
        long started = System.nanoTime();
        InboxSeed seed = new InboxSeed(db, settings, passwordHash);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            List<String> accounts = seed.accounts(c);
            List<Long> teams = seed.teams(c);
            Map<Long, Set<Long>> teamsOfAgent = seed.agents(c, teams);
            List<Long> agents = new ArrayList<>(teamsOfAgent.keySet());
            c.commit();
            long messages = seed.conversations(c, accounts, teams, agents, teamsOfAgent);
            try (Statement analyze = c.createStatement()) {
                analyze.execute("analyze table customer, conversation, conversation_label, message, agent, team,"
                        + " team_member");
            }
            c.commit();
            long viewer = agents.getFirst();
            return new InboxDataSet(accounts, teams, agents, teamsOfAgent, viewer, email(0), password,
                    settings.conversations(), messages, settings.activeConversations(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    static String email(int agent) {
        return String.format("agent%02d@bench.example", agent);
    }

    private List<String> accounts(Connection c) throws SQLException {
        List<String> accounts = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("insert into channel_account (id, name, connector_id,"
                + " config, enabled, created_at) values (?, ?, ?, '{}', false, ?)")) {
            for (String connector : new String[] {"webchat", "email", "whatsapp", "sms-twilio"}) {
                String id = UUID.randomUUID().toString();
                accounts.add(id);
                s.setString(1, id);
                s.setString(2, "bench " + connector);
                s.setString(3, "bench-" + connector);
                s.setObject(4, Sql.utc(now));
                s.addBatch();
            }
            s.executeBatch();
        }
        return accounts;
    }

    private List<Long> teams(Connection c) throws SQLException {
        List<Long> teams = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("insert into team (id, name, created_at) values (?, ?, ?)")) {
            for (int t = 0; t < TEAMS.length; t++) {
                long id = ID_BASE + t;
                teams.add(id);
                s.setLong(1, id);
                s.setString(2, TEAMS[t] + " (bench)");
                s.setObject(3, Sql.utc(now));
                s.addBatch();
            }
            s.executeBatch();
        }
        return teams;
    }

    /** Agent i works in team i % 5; every tenth agent also in the next team; every tenth is also a supervisor. */
    private Map<Long, Set<Long>> agents(Connection c, List<Long> teams) throws SQLException {
        Map<Long, Set<Long>> teamsOfAgent = new java.util.LinkedHashMap<>();
        try (PreparedStatement agent = c.prepareStatement("insert into agent (id, email, display_name,"
                + " password_hash, enabled, password_change_required, created_at) values (?, ?, ?, ?, true, false, ?)");
                PreparedStatement role = c.prepareStatement("insert into agent_role (agent_id, role) values (?, ?)");
                PreparedStatement member = c.prepareStatement(
                        "insert into team_member (team_id, agent_id) values (?, ?)")) {
            for (int i = 0; i < settings.agents(); i++) {
                long id = ID_BASE + i;
                agent.setLong(1, id);
                agent.setString(2, email(i));
                agent.setString(3, FIRST_NAMES[i % FIRST_NAMES.length] + " " + LAST_NAMES[(i * 7) % LAST_NAMES.length]
                        + " (agent " + i + ")");
                agent.setString(4, passwordHash);
                agent.setObject(5, Sql.utc(now));
                agent.addBatch();
                role.setLong(1, id);
                role.setString(2, "AGENT");
                role.addBatch();
                if (i % 10 == 9) {
                    role.setLong(1, id);
                    role.setString(2, "SUPERVISOR");
                    role.addBatch();
                }
                Set<Long> mine = new LinkedHashSet<>();
                mine.add(teams.get(i % teams.size()));
                if (i % 10 == 0) {
                    mine.add(teams.get((i + 1) % teams.size()));
                }
                for (long team : mine) {
                    member.setLong(1, team);
                    member.setLong(2, id);
                    member.addBatch();
                }
                teamsOfAgent.put(id, mine);
            }
            agent.executeBatch();
            role.executeBatch();
            member.executeBatch();
        }
        return teamsOfAgent;
    }

    /** Conversations in id order; a fifth of the customers come back with a second or third conversation. */
    private long conversations(Connection c, List<String> accounts, List<Long> teams, List<Long> agents,
            Map<Long, Set<Long>> teamsOfAgent) throws SQLException {
        int total = settings.conversations();
        int customers = total * 4 / 5;
        int active = settings.activeConversations();
        long base = settings.messages() / total;
        long remainder = settings.messages() % total;
        long messageId = ID_BASE;
        long written = 0;
        try (PreparedStatement customer = c.prepareStatement("insert into customer (id, display_name, created_at,"
                + " updated_at) values (?, ?, ?, ?)");
                PreparedStatement conversation = c.prepareStatement("insert into conversation (id, customer_id,"
                        + " status, priority, subject, assignee_id, team_id, last_channel_account_id, last_message_id,"
                        + " last_message_preview, last_activity_at, last_inbound_at, unread_count, created_at,"
                        + " resolved_at, version, snoozed_until, snooze_until_reply, intent, sentiment, waiting_since,"
                        + " sla_due_at, sla_breached) values"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, false, ?, ?, ?, ?, ?)");
                PreparedStatement label = c.prepareStatement(
                        "insert into conversation_label (conversation_id, label) values (?, ?)");
                PreparedStatement message = c.prepareStatement("insert into message (id, conversation_id,"
                        + " channel_account_id, direction, author_agent_id, author_name, body_text, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            long pairSpread = 0;
            for (int i = 0; i < total; i++) {
                // Exactly the requested number of messages: pairs of conversations get base + d and base - d.
                if (i % 2 == 0) {
                    pairSpread = base > 1 ? random.nextLong(base) : 0;
                }
                long count = (i % 2 == 0 && i + 1 < total ? base + pairSpread : i % 2 == 1 ? base - pairSpread : base)
                        + (i < remainder ? 1 : 0);
                count = Math.max(1, count);
                long customerId = ID_BASE + (i < customers ? i : random.nextInt(customers));
                if (i < customers) {
                    customer.setLong(1, customerId);
                    if (random.nextInt(4) == 0) {
                        customer.setNull(2, Types.VARCHAR);
                    } else {
                        customer.setString(2, FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " "
                                + LAST_NAMES[random.nextInt(LAST_NAMES.length)]);
                    }
                    customer.setObject(3, Sql.utc(now.minus(Duration.ofDays(400))));
                    customer.setObject(4, Sql.utc(now.minus(Duration.ofDays(400))));
                    customer.addBatch();
                }
                messageId = conversation(conversation, label, message, ID_BASE + i, customerId, i < active, count,
                        messageId, accounts, teams, agents, teamsOfAgent);
                written += count;
                if ((i + 1) % COMMIT_EVERY == 0 || i + 1 == total) {
                    customer.executeBatch();
                    conversation.executeBatch();
                    label.executeBatch();
                    message.executeBatch();
                    c.commit();
                }
            }
        }
        return written;
    }

    /** One conversation with its labels and messages; returns the last message id used. */
    private long conversation(PreparedStatement conversation, PreparedStatement label, PreparedStatement message,
            long id, long customerId, boolean active, long count, long lastMessageId, List<String> accounts,
            List<Long> teams, List<Long> agents, Map<Long, Set<Long>> teamsOfAgent) throws SQLException {
        String status = !active ? "RESOLVED" : pick(new String[] {"OPEN", "PENDING", "SNOOZED"}, 0.60, 0.25);
        int channel = weighted(0.40, 0.25, 0.25);
        String account = accounts.get(channel);
        Long assignee = random.nextDouble() < 0.30 ? null : agents.get(random.nextInt(agents.size()));
        Long team = assignee != null ? teamsOfAgent.get(assignee).iterator().next()
                : random.nextDouble() < 0.80 ? teams.get(random.nextInt(teams.size())) : null;
        String priority = pick(new String[] {"LOW", "NORMAL", "HIGH", "URGENT"}, 0.10, 0.60, 0.20);
        // Active conversations moved within the last week (most of them recently), resolved ones within a year.
        double u = random.nextDouble();
        Instant lastActivity = active ? now.minusSeconds(60 + (long) (u * u * Duration.ofDays(7).toSeconds()))
                : now.minusSeconds(Duration.ofDays(8).toSeconds() + (long) (u * Duration.ofDays(365).toSeconds()));

        // Messages, newest last: the customer starts; an active conversation ends with the customer's message(s)
        // when the customer is waiting, a resolved one with the agent's answer.
        boolean waiting = active && random.nextDouble() < switch (status) {
            case "OPEN" -> 0.75;
            case "PENDING" -> 0.10;
            default -> 0.25;
        };
        int n = (int) count;
        Instant[] at = new Instant[n];
        boolean[] inbound = new boolean[n];
        at[n - 1] = lastActivity;
        for (int m = n - 2; m >= 0; m--) {
            at[m] = at[m + 1].minusSeconds(60 + random.nextInt(90 * 60));
        }
        for (int m = 0; m < n; m++) {
            inbound[m] = m == 0 || random.nextDouble() < 0.5;
        }
        inbound[n - 1] = waiting || n == 1;
        Instant waitingSince = null;
        int unread = 0;
        if (inbound[n - 1] && active) {
            int first = n - 1;
            while (first > 0 && inbound[first - 1]) {
                first--;
            }
            waitingSince = at[first];
            unread = n - first;
        }
        String assigneeName = assignee == null ? "Agent" : "Agent " + (assignee - ID_BASE);
        String lastText = null;
        Instant lastInbound = null;
        long messageId = lastMessageId;
        for (int m = 0; m < n; m++) {
            String text = texts.next();
            if (random.nextInt(20_000) == 0) {
                text = text + " The courier left it at the " + RARE_WORD + " by the harbour.";
            }
            message.setLong(1, ++messageId);
            message.setLong(2, id);
            message.setString(3, account);
            message.setString(4, inbound[m] ? "IN" : "OUT");
            if (!inbound[m] && assignee != null) {
                message.setLong(5, assignee);
            } else {
                message.setNull(5, Types.BIGINT);
            }
            message.setString(6, inbound[m] ? "Customer" : assigneeName);
            message.setString(7, text);
            message.setObject(8, Sql.utc(at[m]));
            message.addBatch();
            lastText = text;
            if (inbound[m]) {
                lastInbound = at[m];
            }
        }

        Instant slaDue = null;
        boolean breached;
        if (waitingSince != null) {
            slaDue = waitingSince.plus(switch (priority) {
                case "URGENT" -> Duration.ofHours(1);
                case "HIGH" -> Duration.ofHours(4);
                case "NORMAL" -> Duration.ofHours(8);
                default -> Duration.ofHours(24);
            });
            breached = slaDue.isBefore(now);
        } else if (active && random.nextBoolean()) {
            slaDue = at[0].plus(Duration.ofHours(48));
            breached = slaDue.isBefore(now);
        } else {
            breached = !active && random.nextDouble() < 0.08;
        }

        conversation.setLong(1, id);
        conversation.setLong(2, customerId);
        conversation.setString(3, status);
        conversation.setString(4, priority);
        if (channel == 1) {
            String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
            conversation.setString(5, subject.contains("%d")
                    ? subject.replace("%d", String.valueOf(10_000 + random.nextInt(90_000)))
                    : subject.replace("%s", texts.product()));
        } else {
            conversation.setNull(5, Types.VARCHAR);
        }
        setLong(conversation, 6, assignee);
        setLong(conversation, 7, team);
        conversation.setString(8, account);
        conversation.setLong(9, messageId);
        conversation.setString(10, lastText.length() > 300 ? lastText.substring(0, 299) + "…" : lastText);
        conversation.setObject(11, Sql.utc(lastActivity));
        setTime(conversation, 12, lastInbound);
        conversation.setInt(13, unread);
        conversation.setObject(14, Sql.utc(at[0]));
        setTime(conversation, 15, active ? null : lastActivity);
        // Drawn only for snoozed ones, so the generator's sequence (and the data of a seed) stays as measured.
        long snoozeSeconds = Duration.ofDays(5).toSeconds();
        setTime(conversation, 16, status.equals("SNOOZED")
                ? now.plusSeconds(Duration.ofHours(2).toSeconds() + random.nextInt((int) snoozeSeconds)) : null);
        conversation.setString(17, random.nextInt(4) == 0 ? null : INTENTS[random.nextInt(INTENTS.length)]);
        conversation.setString(18, random.nextInt(4) == 0 ? null
                : SENTIMENTS[weighted(0.25, 0.50)]);
        setTime(conversation, 19, waitingSince);
        setTime(conversation, 20, slaDue);
        conversation.setBoolean(21, breached);
        conversation.addBatch();

        for (int l = 0; l < LABELS.length; l++) {
            if (random.nextDouble() < LABEL_SHARE[l]) {
                label.setLong(1, id);
                label.setString(2, LABELS[l]);
                label.addBatch();
            }
        }
        return messageId;
    }

    /** The index of the share the draw falls into; the last index takes the rest. */
    private int weighted(double... shares) {
        double u = random.nextDouble();
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            if (u < sum) {
                return i;
            }
        }
        return shares.length;
    }

    private String pick(String[] values, double... shares) {
        return values[weighted(shares)];
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static void setTime(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.TIMESTAMP);
        } else {
            s.setObject(index, Sql.utc(value));
        }
    }

    static Map<String, Long> labelCounts(DataSource db) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                var rows = s.executeQuery("select label, count(*) from conversation_label group by label")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }
}
