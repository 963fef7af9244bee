package org.switchboard.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Sends a {@link TrafficPlan} with one client thread per lane, each sending its next request when the previous
 * answer arrived (a closed loop: throughput is what the portal sustains at this concurrency, and latencies do not
 * include time a request would have waited in an open-loop queue).
 */
final class LoadDriver implements AutoCloseable {

    private static final long HIGHEST_TRACKABLE_MICROS = 120_000_000L;
    private static final int FAILURE_SAMPLES = 5;

    private final WebchatClient client;
    private final int lanes;
    /** One thread per lane for the whole run, so their CPU time can be told apart from the portal's. */
    private final ExecutorService threads;

    LoadDriver(WebchatClient client, int lanes) {
        this.client = client;
        this.lanes = lanes;
        this.threads = Executors.newFixedThreadPool(lanes,
                Thread.ofPlatform().name(CpuMeter.CLIENT_THREAD_PREFIX + "lane-", 0).factory());
    }

    /** Opens a session for each visitor, one per lane at a time; not measured. */
    List<VisitorSession> openSessions(int visitors) throws InterruptedException {
        VisitorSession[] sessions = new VisitorSession[visitors];
        AtomicInteger next = new AtomicInteger();
        runInParallel(lane -> {
            for (int i = next.getAndIncrement(); i < visitors; i = next.getAndIncrement()) {
                sessions[i] = client.startSession();
            }
            return null;
        });
        return List.of(sessions);
    }

    LoadResult send(TrafficPlan plan, List<VisitorSession> sessions) throws InterruptedException {
        if (plan.lanes().size() != lanes) {
            throw new IllegalArgumentException("plan has " + plan.lanes().size() + " lanes, driver " + lanes);
        }
        Map<String, Integer> failureKinds = new ConcurrentHashMap<>();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        long[] startedAt = new long[1];

        List<Histogram> histograms = runInParallel(lane -> {
            Histogram histogram = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
            start.await();
            for (Delivery delivery : plan.lanes().get(lane)) {
                String failure;
                long sent = System.nanoTime();
                try {
                    WebchatClient.Reply response = client.post(sessions.get(delivery.visitor()),
                            plan.visitors().get(delivery.visitor()), delivery);
                    failure = response.statusCode() / 100 == 2 ? null
                            : "HTTP " + response.statusCode() + ": " + response.body();
                } catch (IOException e) {
                    failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                histogram.recordValue(Math.min((System.nanoTime() - sent) / 1_000, HIGHEST_TRACKABLE_MICROS));
                if (failure != null) {
                    failures.incrementAndGet();
                    failureKinds.merge(failure.split(":", 2)[0], 1, Integer::sum);
                    if (samples.size() < FAILURE_SAMPLES) {
                        samples.add(failure);
                    }
                }
            }
            return histogram;
        }, () -> {
            startedAt[0] = System.nanoTime();
            start.countDown();
        });
        long wall = System.nanoTime() - startedAt[0];

        Histogram all = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
        histograms.forEach(all::add);
        return new LoadResult(plan.deliveries(), wall, all, failures.get(), new TreeMap<>(failureKinds),
                List.copyOf(samples));
    }

    /** Sends {@code perLane} widget-config requests per lane (nothing stored): the HTTP floor. */
    LoadResult sendConfigRequests(int perLane) throws InterruptedException {
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        long[] startedAt = new long[1];
        List<Histogram> histograms = runInParallel(lane -> {
            Histogram histogram = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
            start.await();
            for (int i = 0; i < perLane; i++) {
                long sent = System.nanoTime();
                try {
                    if (client.config().statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                } catch (IOException e) {
                    failures.incrementAndGet();
                }
                histogram.recordValue(Math.min((System.nanoTime() - sent) / 1_000, HIGHEST_TRACKABLE_MICROS));
            }
            return histogram;
        }, () -> {
            startedAt[0] = System.nanoTime();
            start.countDown();
        });
        long wall = System.nanoTime() - startedAt[0];
        Histogram all = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
        histograms.forEach(all::add);
        return new LoadResult(perLane * lanes, wall, all, failures.get(), new TreeMap<>(), List.of());
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    private interface LaneTask<T> {
        T run(int lane) throws Exception;
    }

    private <T> List<T> runInParallel(LaneTask<T> task) throws InterruptedException {
        return runInParallel(task, () -> { });
    }

    /** Runs {@code task} once per lane, each on its own thread; {@code started} runs once all are submitted. */
    private <T> List<T> runInParallel(LaneTask<T> task, Runnable started) throws InterruptedException {
        List<Future<T>> futures = new ArrayList<>(lanes);
        for (int lane = 0; lane < lanes; lane++) {
            int l = lane;
            futures.add(threads.submit(() -> task.run(l)));
        }
        started.run();
        List<T> results = new ArrayList<>(lanes);
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a benchmark client failed: " + e.getCause(), e.getCause());
            }
        }
        return results;
    }
}
