package org.switchboard.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.MessageView;
import org.switchboard.portal.customer.CustomerProfiles;

/**
 * The customer 360 first page (profile with identities, tags, notes, attributes, preferred channel; the
 * conversation list; the first timeline page of 30) for a
 * customer with 10,000 messages across 4 channels, in a database of 1,000,000 messages, through the portal's own
 * services; beside the raw SQL that reads the same rows, measured in the same run. Exits 1 only when the portal
 * returned the wrong rows.
 */
public final class Customer360Benchmark {

    private static final long ID_BASE = 1_000_000_000_000L;
    private static final int PAGE = 30;

    private Customer360Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = Integer.getInteger("messages", 1_000_000);
        int ofCustomer = Integer.getInteger("customerMessages", 10_000);
        int iterations = Integer.getInteger("iterations", 1_000);
        Path data = Path.of(System.getProperty("bench.dataRoot", "target/bench-data")).toAbsolutePath()
                .resolve(UUID.randomUUID().toString());
        boolean failed;
        try (PortalUnderTest portal = PortalUnderTest.start(data)) {
            DataSource db = portal.dataSource();
            long seeding = System.nanoTime();
            long customerId = Seed.run(db, total, ofCustomer);
            System.out.printf(Locale.ROOT, "%nCustomer 360 benchmark: %,d messages, the customer has %,d on 4 channels;"
                    + " seeded in %.1f s; %d cores%n", portal.count("message"), ofCustomer,
                    (System.nanoTime() - seeding) / 1e9, Runtime.getRuntime().availableProcessors());

            CustomerProfiles profiles = portal.bean(CustomerProfiles.class);
            ConversationQueries queries = portal.bean(ConversationQueries.class);
            LongSupplier viaPortal = () -> {
                long started = System.nanoTime();
                profiles.profile(customerId).orElseThrow();
                queries.conversationsOf(customerId);
                List<MessageView> page = queries.timeline(customerId, null, PAGE);
                if (page.size() != PAGE) {
                    throw new IllegalStateException("timeline page has " + page.size() + " rows");
                }
                return System.nanoTime() - started;
            };
            RawQueries raw = new RawQueries(db, customerId);
            List<Long> rawIds = raw.timelineIds();
            List<Long> portalIds = queries.timeline(customerId, null, PAGE).stream().map(MessageView::id).toList();
            failed = !rawIds.equals(portalIds);

            Histogram portalTimes = measure(viaPortal, iterations);
            Histogram rawTimes = measure(raw::firstPage, iterations);
            report("portal services (card + conversations + timeline page)", portalTimes);
            report("raw SQL, same rows (8 queries, one connection)", rawTimes);
            System.out.printf(Locale.ROOT, "  ratio p95 portal / raw: %.1f x%n",
                    portalTimes.getValueAtPercentile(95) / (double) rawTimes.getValueAtPercentile(95));
            System.out.println("  same timeline rows as raw SQL: " + (failed ? "NO (FAILED)" : "yes"));
        }
        System.exit(failed ? 1 : 0);
    }

    private static Histogram measure(LongSupplier call, int iterations) {
        for (int i = 0; i < Math.max(50, iterations / 5); i++) {
            call.getAsLong();
        }
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        for (int i = 0; i < iterations; i++) {
            histogram.recordValue(call.getAsLong());
        }
        return histogram;
    }

    private static void report(String what, Histogram nanos) {
        System.out.printf(Locale.ROOT, "  %-56s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms%n", what,
                nanos.getValueAtPercentile(50) / 1e6, nanos.getValueAtPercentile(95) / 1e6,
                nanos.getValueAtPercentile(99) / 1e6);
    }

    /** The same rows by plain JDBC: the customer, their conversations, the first timeline page. */
    private record RawQueries(DataSource db, long customerId) {

        long firstPage() {
            long started = System.nanoTime();
            try (Connection c = db.getConnection()) {
                consume(c, "select * from customer where id = ?");
                consume(c, "select * from customer_identity where customer_id = ? order by id");
                consume(c, "select * from customer_tag where customer_id = ?");
                consume(c, "select * from customer_note where customer_id = ? order by id desc");
                consume(c, "select * from customer_attribute_value where customer_id = ?");
                consume(c, "select * from customer_event where customer_id = ? order by id desc");
                consume(c, "select * from conversation where customer_id = ? order by last_activity_at desc, id desc");
                consume(c, "select m.* from message m join conversation c on c.id = m.conversation_id"
                        + " where c.customer_id = ? order by m.created_at desc, m.id desc limit " + PAGE);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return System.nanoTime() - started;
        }

        List<Long> timelineIds() throws java.sql.SQLException {
            List<Long> ids = new ArrayList<>();
            try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                    "select m.id from message m join conversation c on c.id = m.conversation_id"
                            + " where c.customer_id = ? order by m.created_at desc, m.id desc limit " + PAGE)) {
                s.setLong(1, customerId);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            return ids;
        }

        private void consume(Connection c, String sql) throws java.sql.SQLException {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, customerId);
                try (ResultSet rows = s.executeQuery()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            rows.getObject(i);
                        }
                    }
                }
            }
        }
    }

    /** Writes the data set with plain JDBC batches (ids far above the portal's sequences). */
    private static final class Seed {

        static long run(DataSource db, int total, int ofCustomer) throws Exception {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                List<String> accounts = new ArrayList<>();
                String[] connectors = {"webchat", "email", "whatsapp", "sms-twilio"};
                try (PreparedStatement s = c.prepareStatement("insert into channel_account (id, name, connector_id,"
                        + " config, enabled, created_at) values (?, ?, ?, '{}', false, ?)")) {
                    for (String connector : connectors) {
                        String id = UUID.randomUUID().toString();
                        accounts.add(id);
                        s.setString(1, id);
                        s.setString(2, "bench " + connector);
                        s.setString(3, "bench-" + connector);
                        s.setTimestamp(4, Timestamp.from(Instant.now()));
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                long customerId = ID_BASE;
                Instant now = Instant.now();
                // The customer: 40 conversations (10 per channel), 250 messages each = 10,000.
                int conversationsOfCustomer = 40;
                try (PreparedStatement cust = customerInsert(c)) {
                    addCustomer(cust, customerId, "Benchmark Customer", now);
                    cust.executeBatch();
                }
                long conversationId = ID_BASE;
                long messageId = ID_BASE;
                try (PreparedStatement conv = conversationInsert(c); PreparedStatement msg = messageInsert(c);
                        PreparedStatement cust = customerInsert(c)) {
                    int perConversation = ofCustomer / conversationsOfCustomer;
                    for (int k = 0; k < conversationsOfCustomer; k++) {
                        String account = accounts.get(k % accounts.size());
                        addConversation(conv, ++conversationId, customerId, account, now);
                        for (int m = 0; m < perConversation; m++) {
                            addMessage(msg, ++messageId, conversationId, account,
                                    now.minusSeconds((long) (k * perConversation + m) * 60), m);
                        }
                        conv.executeBatch();
                        msg.executeBatch();
                    }
                    c.commit();
                    // Everyone else: customers with 30 messages in one conversation each.
                    long otherCustomer = ID_BASE;
                    int remaining = total - ofCustomer;
                    int batchCustomers = 0;
                    while (remaining > 0) {
                        long other = ++otherCustomer;
                        addCustomer(cust, other, null, now);
                        String account = accounts.get((int) (other % accounts.size()));
                        addConversation(conv, ++conversationId, other, account, now);
                        int count = Math.min(30, remaining);
                        for (int m = 0; m < count; m++) {
                            addMessage(msg, ++messageId, conversationId, account, now.minusSeconds(m * 90L), m);
                        }
                        remaining -= count;
                        if (++batchCustomers % 100 == 0) {
                            cust.executeBatch();
                            conv.executeBatch();
                            msg.executeBatch();
                            c.commit();
                        }
                    }
                    cust.executeBatch();
                    conv.executeBatch();
                    msg.executeBatch();
                    c.commit();
                }
                try (Statement analyze = c.createStatement()) {
                    analyze.execute("analyze table customer, conversation, message");
                }
                c.commit();
                return customerId;
            }
        }

        private static PreparedStatement customerInsert(Connection c) throws Exception {
            return c.prepareStatement(
                    "insert into customer (id, display_name, created_at, updated_at) values (?, ?, ?, ?)");
        }

        private static void addCustomer(PreparedStatement s, long id, String name, Instant at) throws Exception {
            s.setLong(1, id);
            s.setString(2, name);
            s.setTimestamp(3, Timestamp.from(at));
            s.setTimestamp(4, Timestamp.from(at));
            s.addBatch();
        }

        private static PreparedStatement conversationInsert(Connection c) throws Exception {
            return c.prepareStatement("insert into conversation (id, customer_id, status, priority,"
                    + " last_channel_account_id, last_activity_at, unread_count, created_at, version)"
                    + " values (?, ?, 'RESOLVED', 'NORMAL', ?, ?, 0, ?, 0)");
        }

        private static void addConversation(PreparedStatement s, long id, long customerId, String account,
                Instant at) throws Exception {
            s.setLong(1, id);
            s.setLong(2, customerId);
            s.setString(3, account);
            s.setTimestamp(4, Timestamp.from(at));
            s.setTimestamp(5, Timestamp.from(at));
            s.addBatch();
        }

        private static PreparedStatement messageInsert(Connection c) throws Exception {
            return c.prepareStatement("insert into message (id, conversation_id, channel_account_id, direction,"
                    + " author_name, body_text, created_at) values (?, ?, ?, ?, ?, ?, ?)");
        }

        private static void addMessage(PreparedStatement s, long id, long conversationId, String account, Instant at,
                int n) throws Exception {
            s.setLong(1, id);
            s.setLong(2, conversationId);
            s.setString(3, account);
            s.setString(4, n % 2 == 0 ? "IN" : "OUT");
            s.setString(5, n % 2 == 0 ? "Customer" : "Agent");
            s.setString(6, "Message " + n + " about order " + (4000 + n % 900) + ", please check the delivery date.");
            s.setTimestamp(7, Timestamp.from(at));
            s.addBatch();
        }
    }
}
