package org.switchboard.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.agent.Role;

/**
 * The agents' inbox at size (issue 6): 1,000,000 messages in 100,000 conversations, 50 agents. Measures, through the
 * portal's own services, inbox pages (first and 500th) of every view and sort and of filter combinations, the view
 * tab counts, and the full-text search, each beside its raw SQL / raw Lucene baseline in the same run; then, in a
 * real headless Chromium, how long a web-chat message takes to show in an agent's open inbox. Prints figures and
 * never asserts them; exits 1 only when the portal returned wrong rows.
 */
public final class InboxBenchmark {

    static final double TARGET_PAGE_P95_MS = 50;
    static final double TARGET_PUSH_P95_MS = 1_000;

    private InboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        InboxSettings settings = InboxSettings.fromSystemProperties();
        PrintStream out = System.out;
        Path data = Path.of(System.getProperty("bench.dataRoot", "target/bench-data")).toAbsolutePath()
                .resolve(UUID.randomUUID().toString());
        List<String> problems = new ArrayList<>();
        try (PortalUnderTest portal = PortalUnderTest.start(data)) {
            CpuMeter meter = new CpuMeter();
            String password = UUID.randomUUID().toString();
            String hash = portal.bean(PasswordEncoder.class).encode(password);
            CpuMeter.Snapshot seeding = meter.snapshot();
            InboxDataSet set = InboxSeed.run(portal.dataSource(), settings, password, hash);
            out.printf(Locale.ROOT, "%nSwitchboard inbox benchmark%n");
            out.printf(Locale.ROOT, "  machine   %d cores, Java %s, %s %s; portal started in %.1f s%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), portal.startupMillis() / 1000.0);
            out.printf(Locale.ROOT, "  data      %,d messages in %,d conversations (%,d active), %,d customers,"
                            + " %d agents in %d teams; labels %s; seeded by JDBC in %.1f s%n", portal.count("message"),
                    portal.count("conversation"), set.active(), portal.count("customer"), set.agents().size(),
                    set.teams().size(), InboxSeed.labelCounts(portal.dataSource()), set.seedMillis() / 1e3);
            cpu(out, "seeding", meter.between(seeding, meter.snapshot()));
            AgentView viewer = new AgentView(set.viewer(), set.viewerEmail(), "Bench agent 0", Set.of(Role.AGENT), true,
                    false);
            out.printf(Locale.ROOT, "  viewer    %s (AGENT, teams %s)%n", set.viewerEmail(),
                    set.teamsOfAgent().get(set.viewer()));

            InboxListBenchmark lists = null;
            if (settings.parts().contains("lists")) {
                out.printf(Locale.ROOT, "%n1. Inbox lists (%d measured calls each after warm-up)%n",
                        settings.iterations());
                CpuMeter.Snapshot listsStart = meter.snapshot();
                lists = new InboxListBenchmark(portal, set, viewer, settings.iterations(), out);
                lists.run();
                CpuMeter.Usage listsCpu = meter.between(listsStart, meter.snapshot());
                lists.report();
                cpu(out, "lists", listsCpu);
                problems.addAll(lists.problems);
            }

            InboxSearchBenchmark search = null;
            if (settings.parts().contains("search")) {
                out.printf(Locale.ROOT, "%n2. Full-text search (%d measured calls each after warm-up)%n",
                        settings.searchIterations());
                search = new InboxSearchBenchmark(portal, viewer, settings, out);
                CpuMeter.Snapshot indexStart = meter.snapshot();
                search.index(portal.count("message"));
                cpu(out, "mass indexing", meter.between(indexStart, meter.snapshot()));
                CpuMeter.Snapshot searchStart = meter.snapshot();
                search.run();
                CpuMeter.Usage searchCpu = meter.between(searchStart, meter.snapshot());
                search.report();
                cpu(out, "search", searchCpu);
                problems.addAll(search.problems);
            }

            InboxPushBenchmark push = null;
            if (settings.parts().contains("push")) {
                out.printf(Locale.ROOT, "%n3. Push to an open inbox (%d web-chat deliveries, headless Chromium)%n",
                        settings.pushDeliveries());
                push = new InboxPushBenchmark(portal, set, settings.pushDeliveries(), settings.seed(), out);
                push.run();
                push.report();
                problems.addAll(push.problems);
            }

            summary(out, lists, search, push);
        } finally {
            out.println();
            if (problems.isEmpty()) {
                List<String> checked = new ArrayList<>();
                if (settings.parts().contains("lists")) {
                    checked.add("pages and counts equal the raw SQL's, rows fit their list");
                }
                if (settings.parts().contains("search")) {
                    checked.add("search hits equal raw Lucene's");
                }
                if (settings.parts().contains("push")) {
                    checked.add("every delivery showed in the browser");
                }
                out.println("  checks: ok (" + String.join("; ", checked) + ")");
            } else {
                out.println("  checks: FAILED (" + problems.size() + ")");
                problems.stream().limit(20).forEach(p -> out.println("    " + p));
            }
        }
        boolean failed = !problems.isEmpty();
        if (failed || settings.keep()) {
            out.println("  data directory kept: " + data);
        } else {
            deleteRecursively(data);
        }
        System.exit(failed ? 1 : 0);
    }

    private static void summary(PrintStream out, InboxListBenchmark lists, InboxSearchBenchmark search,
            InboxPushBenchmark push) {
        out.println();
        out.printf(Locale.ROOT, "  %-58s %12s %10s %5s%n", "target", "measured", "target", "met");
        if (lists != null) {
            double page = lists.worstPageP95();
            out.printf(Locale.ROOT, "  %-58s %9.1f ms %10s %5s%n", "inbox page p95, slowest list and page", page,
                    "< 50 ms", page < TARGET_PAGE_P95_MS ? "yes" : "NO");
            out.printf(Locale.ROOT, "  %-58s %9s %10s %5s%n", "  pages (of all lists, page 1 and deep) under 50 ms p95",
                    lists.pagesUnderTarget(), "", "");
            out.printf(Locale.ROOT, "  %-58s %9.1f ms%n", "  (whole refresh: page + count + tab counts, p95)",
                    InboxTimer.ms(lists.extras.portalRefresh(), 95));
        }
        if (search != null) {
            out.printf(Locale.ROOT, "  %-58s %9.1f ms%n", "  (search p95, slowest of the words)", search.worstP95());
        }
        if (push != null) {
            double visible = InboxTimer.ms(push.visible, 95);
            out.printf(Locale.ROOT, "  %-58s %9.1f ms %10s %5s%n", "push visible in the open inbox p95", visible,
                    "< 1 s", visible < TARGET_PUSH_P95_MS ? "yes" : "NO");
        }
    }

    private static void cpu(PrintStream out, String phase, CpuMeter.Usage usage) {
        out.printf(Locale.ROOT, "  CPU during %s (%.0f s), in cores of %d: portal JVM %.2f, mariadbd %.2f, other"
                        + " processes %.2f%n", phase, usage.seconds(), Runtime.getRuntime().availableProcessors(),
                usage.jvmCores(), usage.databaseCores(), usage.otherCores());
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
