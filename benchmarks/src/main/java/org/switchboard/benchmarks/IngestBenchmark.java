package org.switchboard.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * How many web-chat messages per second the portal takes in through its real webhook endpoint (HTTP, plugin,
 * identity resolution, threading, deduplication, MariaDB, Lucene) and at what latency, beside a raw JDBC batch
 * insert of the same rows measured in the same run. Run on demand (see benchmarks/README.md); exits 1 when the
 * portal answered or stored anything wrongly, never because of a timing.
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        Path dataDirectory = settings.dataRoot().resolve(UUID.randomUUID().toString());
        Report report = new Report(System.out);
        boolean failed;
        try (PortalUnderTest portal = PortalUnderTest.start(dataDirectory)) {
            failed = run(settings, portal, report);
        }
        if (failed || settings.keep()) {
            report.line("  data directory kept: " + dataDirectory);
        } else {
            deleteRecursively(dataDirectory);
        }
        if (failed) {
            report.line("\nFAILED: the portal did not answer or store the traffic correctly (see above); "
                    + "the figures are not valid.");
        }
        System.exit(failed ? 1 : 0);
    }

    private static boolean run(BenchmarkSettings settings, PortalUnderTest portal, Report report) throws Exception {
        String accountId = portal.webchatAccountId();
        try (LoadDriver driver = new LoadDriver(new WebchatClient(portal.port(), accountId),
                settings.concurrency())) {
            return measure(settings, portal, accountId, driver, report);
        }
    }

    private static boolean measure(BenchmarkSettings settings, PortalUnderTest portal, String accountId,
            LoadDriver driver, Report report) throws Exception {
        int lanes = settings.concurrency();
        // Separate generators, so the measured traffic is the same however many warm-up rounds there are.
        TrafficPlan plan = new TrafficGenerator(settings.seed()).generate("m", settings.deliveries(),
                settings.visitors(), lanes, settings.contention());
        report.header(settings, plan, portal.startupMillis());

        List<VisitorSession> sessions = driver.openSessions(plan.visitors().size());
        CpuMeter cpu = new CpuMeter();
        WarmUp.Result warmup = new WarmUp(new TrafficGenerator(settings.seed() + 1), driver, settings, cpu).run();
        report.warmUp(warmup);
        StatementCounters statements = new StatementCounters(portal.dataSource());
        LoadResult measured;
        CpuMeter.Usage usage;
        Map<String, Double> statementsPerDelivery;
        try (FlightRecording recording = FlightRecording.startIfAsked(settings.flightRecording())) {
            Map<String, Long> statementsBefore = statements.read();
            CpuMeter.Snapshot before = cpu.snapshot();
            measured = driver.send(plan, sessions);
            usage = cpu.between(before, cpu.snapshot());
            statementsPerDelivery = StatementCounters.perDelivery(statementsBefore, statements.read(),
                    measured.deliveries());
        }

        List<TrafficPlan> sent = new ArrayList<>(warmup.plans());
        sent.add(plan);
        List<Check> checks = checks(portal, sent, warmup, measured, settings.contention());

        List<RawInsertBaseline.Row> rows = RawInsertBaseline.rowsOf(plan, sessions, accountId);
        long baselineNanos = new RawInsertBaseline(portal.dataSource()).insert(rows);
        int floorPerLane = Math.max(1, settings.deliveries() / lanes);
        driver.sendConfigRequests(Math.max(1, floorPerLane / 10));
        CpuMeter.Snapshot floorStart = cpu.snapshot();
        LoadResult floor = driver.sendConfigRequests(floorPerLane);
        CpuMeter.Usage floorUsage = cpu.between(floorStart, cpu.snapshot());

        report.figures(measured, rows.size(), baselineNanos);
        report.floor(floor, measured);
        report.cpu("ingest", usage, measured.deliveries());
        report.cpu("the floor", floorUsage, floor.deliveries());
        report.statements(statementsPerDelivery);
        report.checks(checks);
        for (LoadResult round : warmup.results()) {
            report.failures("warm-up", round);
        }
        report.failures("measured", measured);
        return checks.stream().anyMatch(Check::fails);
    }

    private static List<Check> checks(PortalUnderTest portal, List<TrafficPlan> sent, WarmUp.Result warmup,
            LoadResult measured, boolean contention) throws Exception {
        long deliveries = sent.stream().mapToLong(TrafficPlan::deliveries).sum();
        long distinct = sent.stream().mapToLong(TrafficPlan::distinctMessages).sum();
        long customers = sent.stream().mapToLong(TrafficPlan::expectedCustomers).sum();
        long identities = sent.stream().mapToLong(TrafficPlan::expectedIdentities).sum();
        long answered = deliveries - measured.failures() - warmup.failures();
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("deliveries answered 2xx (warm-up included)", deliveries, answered, true));
        checks.add(new Check("rows in message = distinct messages sent", distinct, portal.count("message"), true));
        checks.add(new Check("messages in the full-text index", distinct, portal.indexedMessages(), true));
        checks.add(new Check("customers (second browsers linked by email)", customers, portal.count("customer"),
                true));
        checks.add(new Check("customer identities (visitor ids + emails)", identities,
                portal.count("customer_identity"), true));
        // Not guarded by a constraint: two browsers of one customer writing at the same moment could each open one.
        checks.add(new Check("conversations (one open per customer)", customers, portal.count("conversation"),
                !contention));
        return checks;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
