package org.jianhu.project.bench;

import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the CPU of a round went: this JVM's threads, grouped by what they do (the writers, the relay, the listing's
 * processor, Axon's event-store reader, …), and the PostgreSQL backends of the benchmark's database (read from
 * {@code /proc}, so only where the server runs on this machine). Taken before and after a round; the difference is
 * what the round cost. (The server's own counters, {@code pg_stat_database}, are flushed by each backend only now and
 * then, too late for rounds of seconds; {@link RoundTrips} counts statements instead.)
 */
final class CpuUse {

    private static final double CLOCK_TICKS_PER_SECOND = 100;

    private final Map<String, Long> threadNanos;
    private final Map<Integer, Long> backendTicks;

    private CpuUse(Map<String, Long> threadNanos, Map<Integer, Long> backendTicks) {
        this.threadNanos = threadNanos;
        this.backendTicks = backendTicks;
    }

    static CpuUse now(JdbcTemplate jdbc) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byGroup = new HashMap<>();
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(thread.getThreadId());
            if (nanos > 0) {
                byGroup.merge(groupOf(thread.getThreadName()), nanos, Long::sum);
            }
        }
        Map<Integer, Long> ticks = new HashMap<>();
        jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE datname = current_database()", Integer.class)
                .forEach(pid -> ticks.put(pid, ticksOf(pid)));
        return new CpuUse(byGroup, ticks);
    }

    /** What happened between {@code before} and this, per event of {@code events}. */
    Spent since(CpuUse before, int events) {
        Map<String, Double> perThousand = new TreeMap<>();
        threadNanos.forEach((group, nanos) -> {
            long spent = nanos - before.threadNanos.getOrDefault(group, 0L);
            if (spent > 0) {
                perThousand.put(group, spent / 1e6 * 1000 / events);
            }
        });
        // a backend that started during the round counts from 0; one that ended is missing ("at least")
        long ticks = backendTicks.entrySet().stream()
                .mapToLong(backend -> backend.getValue() - before.backendTicks.getOrDefault(backend.getKey(), 0L))
                .sum();
        double postgres = ticks / CLOCK_TICKS_PER_SECOND * 1000 * 1000 / events;
        return new Spent(perThousand, postgres);
    }

    /**
     * CPU milliseconds per 1000 events by thread group and in PostgreSQL's backends (a backend that ended during the
     * round is not counted, hence "at least").
     */
    record Spent(Map<String, Double> jvmMillisPerThousand, double postgresMillisPerThousand) {

        String describe() {
            Map<String, Double> shown = new LinkedHashMap<>();
            jvmMillisPerThousand.entrySet().stream()
                    .filter(group -> group.getValue() >= 1)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(group -> shown.put(group.getKey(), group.getValue()));
            StringBuilder text = new StringBuilder("PostgreSQL ≥ %.0f ms; JVM".formatted(postgresMillisPerThousand));
            shown.forEach((group, millis) -> text.append(" %s %.0f ms".formatted(group, millis)));
            return text.toString();
        }
    }

    /** Thread names without their numbers: one pool or processor is one group. */
    static String groupOf(String threadName) {
        if (threadName.startsWith("EventProcessor[")) {
            return "processor " + threadName.substring("EventProcessor[".length(), threadName.indexOf(']'));
        }
        return threadName.replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-");
    }

    /** utime + stime of a process, in clock ticks; 0 where the server is not on this machine. */
    private static long ticksOf(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException elsewhere) {
            return 0;
        }
    }
}
