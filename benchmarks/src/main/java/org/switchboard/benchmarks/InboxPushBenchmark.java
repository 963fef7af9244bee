package org.switchboard.benchmarks;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * How long after a web-chat delivery its message shows in an agent's open inbox, in a real headless Chromium: the
 * agent signs in and keeps the inbox open; each delivery is sent by HTTP as the widget sends it, and a
 * MutationObserver in the page notes ({@code Date.now()}, the same machine clock as the sender's) when the message
 * text has arrived in the inbox grid; the frame after that is when it is painted. Includes the view's 300 ms
 * coalescing of live refreshes, the refresh's queries and the push to the browser.
 */
final class InboxPushBenchmark {

    private static final int WARMUP = 10;
    private static final double TIMEOUT_MS = 20_000;
    /** Marks the arrival of the wanted text, then the next animation frame (the paint that shows it). */
    private static final String OBSERVER = """
            () => {
              window.__bench = { want: null, inDom: 0, painted: 0 };
              const grid = () => document.getElementById('inbox-grid');
              new MutationObserver(() => {
                const b = window.__bench;
                if (b.want && !b.inDom && grid() && grid().textContent.includes(b.want)) {
                  b.inDom = Date.now();
                  requestAnimationFrame(() => { b.painted = Date.now(); });
                }
              }).observe(document.body, { subtree: true, childList: true, characterData: true });
            }""";

    private final PortalUnderTest portal;
    private final InboxDataSet data;
    private final int deliveries;
    private final PrintStream out;
    private final SplittableRandom random;
    final List<String> problems = new ArrayList<>();
    final Histogram visible = new Histogram(600_000_000_000L, 3);
    final Histogram inDom = new Histogram(600_000_000_000L, 3);
    final Histogram seenByPlaywright = new Histogram(600_000_000_000L, 3);
    final Histogram webhookAnswered = new Histogram(600_000_000_000L, 3);
    long clockOffsetMicros;
    CpuMeter.Usage cpu;
    double browserCores;

    InboxPushBenchmark(PortalUnderTest portal, InboxDataSet data, int deliveries, long seed, PrintStream out) {
        this.portal = portal;
        this.data = data;
        this.deliveries = deliveries;
        this.random = new SplittableRandom(seed);
        this.out = out;
    }

    void run() throws Exception {
        String baseUrl = "http://localhost:" + portal.port();
        WebchatClient client = new WebchatClient(portal.port(), portal.webchatAccountId());
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = launch(playwright);
                BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(1600, 1000))) {
            Page page = context.newPage();
            signIn(page, baseUrl);
            page.evaluate(OBSERVER);
            clockOffsetMicros = clockOffsetMicros(page);
            out.printf(Locale.ROOT, "  agent %s signed in, inbox open; browser clock - JVM clock: %.1f ms%n",
                    data.viewerEmail(), clockOffsetMicros / 1e3);
            for (int i = 0; i < WARMUP; i++) {
                deliver(page, client, -1 - i);
            }
            CpuMeter meter = new CpuMeter();
            long browserBefore = browserCpuNanos();
            CpuMeter.Snapshot before = meter.snapshot();
            for (int i = 0; i < deliveries; i++) {
                deliver(page, client, i);
            }
            CpuMeter.Snapshot after = meter.snapshot();
            cpu = meter.between(before, after);
            browserCores = (browserCpuNanos() - browserBefore) / (double) (after.wallNanos() - before.wallNanos());
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "inbox-push.png")));
        }
    }

    /** One delivery from a new visitor; waits until the browser shows it, then pauses so refreshes never overlap. */
    private void deliver(Page page, WebchatClient client, int n) throws IOException, InterruptedException {
        boolean measured = n >= 0;
        VisitorSession session = client.startSession();
        String marker = "parcel" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        page.evaluate("m => { window.__bench.want = m; window.__bench.inDom = 0; window.__bench.painted = 0; }",
                marker);
        long sentMillis = System.currentTimeMillis();
        long sentNanos = System.nanoTime();
        WebchatClient.Reply response = client.post(session, new VisitorProfile("Push Visitor " + n, null),
                new Delivery(n, UUID.randomUUID().toString(), "Hello, where is my " + marker + "? It should have"
                        + " arrived yesterday.", false));
        long answeredNanos = System.nanoTime();
        if (response.statusCode() / 100 != 2) {
            problems.add("delivery " + n + " answered " + response.statusCode() + ": " + response.body());
            return;
        }
        try {
            page.waitForFunction("() => window.__bench.painted > 0", null,
                    new Page.WaitForFunctionOptions().setTimeout(TIMEOUT_MS));
        } catch (PlaywrightException e) {
            problems.add("delivery " + n + " (" + marker + ") did not show in the open inbox within "
                    + (long) (TIMEOUT_MS / 1000) + " s");
            return;
        }
        long seenNanos = System.nanoTime();
        double painted = ((Number) page.evaluate("() => window.__bench.painted")).doubleValue();
        double arrived = ((Number) page.evaluate("() => window.__bench.inDom")).doubleValue();
        Locator row = page.locator("#inbox-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(marker)).first();
        try {
            row.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(5_000));
        } catch (PlaywrightException e) {
            problems.add("delivery " + n + " (" + marker + ") arrived in the grid but is not visible");
        }
        if (measured) {
            double offsetMs = clockOffsetMicros / 1e3;
            visible.recordValue(Math.max(0, Math.round((painted - offsetMs - sentMillis) * 1e6)));
            inDom.recordValue(Math.max(0, Math.round((arrived - offsetMs - sentMillis) * 1e6)));
            seenByPlaywright.recordValue(seenNanos - sentNanos);
            webhookAnswered.recordValue(answeredNanos - sentNanos);
        }
        Thread.sleep(300 + random.nextInt(400));
    }

    private void signIn(Page page, String baseUrl) {
        page.navigate(baseUrl + "/login");
        page.locator("vaadin-login-form input[name='username']").fill(data.viewerEmail());
        page.locator("vaadin-login-form input[name='password']").fill(data.password());
        page.locator("vaadin-login-form vaadin-button[slot='submit'], vaadin-login-form [part='submit']").first()
                .click();
        page.locator("#inbox-grid").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE)
                .setTimeout(60_000));
        // The first page of the list is in: at least one row rendered.
        page.locator("#inbox-grid vaadin-grid-cell-content").first().waitFor(new Locator.WaitForOptions()
                .setTimeout(60_000));
    }

    /** The browser's Date.now() minus this JVM's clock, from the tightest of 20 round trips (both ms clocks). */
    private static long clockOffsetMicros(Page page) {
        long best = Long.MAX_VALUE;
        long offset = 0;
        for (int i = 0; i < 20; i++) {
            long before = System.nanoTime();
            long jvm = System.currentTimeMillis();
            double browser = ((Number) page.evaluate("() => Date.now()")).doubleValue();
            long roundTrip = System.nanoTime() - before;
            if (roundTrip < best) {
                best = roundTrip;
                offset = Math.round((browser - jvm) * 1e3 - roundTrip / 2e3);
            }
        }
        return offset;
    }

    /** The system's Chromium, headless, as the portal's end-to-end tests launch it. */
    private static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage")));
    }

    private static Path chromium() {
        String configured = System.getenv("SWITCHBOARD_TEST_CHROMIUM");
        for (String candidate : new String[] {configured, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (candidate != null && !candidate.isBlank() && Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("the push measurement needs Chromium: install Debian's 'chromium' package or"
                + " set SWITCHBOARD_TEST_CHROMIUM to a Chromium binary");
    }

    /** CPU of this JVM's child processes other than MariaDB: Playwright's driver and Chromium with its helpers. */
    private static long browserCpuNanos() {
        return ProcessHandle.current().descendants().mapToLong(process -> {
            try {
                Path proc = Path.of("/proc", String.valueOf(process.pid()));
                String name = Files.readString(proc.resolve("comm")).strip();
                if (name.equals("mariadbd") || name.equals("mysqld")) {
                    return 0;
                }
                String stat = Files.readString(proc.resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }).sum();
    }

    void report() {
        out.println();
        out.printf(Locale.ROOT, "  %-58s %8s %8s %8s %8s%n", "push: webhook delivery -> message in the open inbox",
                "p50 ms", "p95 ms", "p99 ms", "max ms");
        row("visible (painted frame after it arrived, Date.now())", visible);
        row("arrived in the grid's DOM (MutationObserver)", inDom);
        row("seen by the benchmark through Playwright (upper bound)", seenByPlaywright);
        row("baseline: webhook answered (stored, committed, indexed)", webhookAnswered);
        out.printf(Locale.ROOT, "  %d deliveries measured after %d warm-up, one at a time, 0.3-0.7 s apart; the view"
                + " coalesces live refreshes for 300 ms%n", visible.getTotalCount(), WARMUP);
        if (cpu != null) {
            out.printf(Locale.ROOT, "  CPU while measuring, in cores of %d: portal JVM %.2f, mariadbd %.2f, Chromium"
                    + " + Playwright driver %.2f, other processes %.2f%n", Runtime.getRuntime().availableProcessors(),
                    cpu.jvmCores(), cpu.databaseCores(), browserCores, Math.max(0, cpu.otherCores() - browserCores));
        }
    }

    private void row(String what, Histogram nanos) {
        out.printf(Locale.ROOT, "  %-58s %8.1f %8.1f %8.1f %8.1f%n", what, InboxTimer.ms(nanos, 50),
                InboxTimer.ms(nanos, 95), InboxTimer.ms(nanos, 99), InboxTimer.maxMs(nanos));
    }
}
