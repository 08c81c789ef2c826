package org.jianhu.system;

import org.jianhu.testsupport.Infrastructure;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./jianhu bench alerts [samples] [writes per second]}: payment → red alert on the supervisor's live stream
 * and at their webhook, through the gateway with the whole system running from its jars, side by side in one run:
 * clean, while a transaction stays open in another database of the same PostgreSQL server, and with a second
 * webhook of theirs answering after 5 s (last: its backlog drains on its own) (BENCHMARKS.md, "Alerts: no stage holds back another").
 */
public final class AlertLatencyBenchmark {

    private AlertLatencyBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        int samples = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 40;
        int writesPerSecond = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 5;
        Duration spacing = Duration.ofMillis(700);
        List<AlertLatency.Figures> figures = new ArrayList<>();
        try (RunningSystem system = RunningSystem.start("bench_alerts", List.of(),
                List.of("--jianhu.delivery.timeout=8s"));
             AlertLatency latency = AlertLatency.on(system, writesPerSecond)) {
            List<String> warmUp = latency.prepare(5);
            latency.measure("warm-up", warmUp, spacing);

            figures.add(latency.measure("clean", prepared(latency, samples), spacing));
            List<String> ready = prepared(latency, samples);
            try (Connection foreign = Infrastructure.postgres().connect(
                    Infrastructure.postgres().createDatabase("t_bench_alerts_foreign"))) {
                foreign.setAutoCommit(false);
                try (Statement statement = foreign.createStatement()) {
                    statement.execute("CREATE TABLE held_open (note text)");
                    statement.execute("SELECT pg_current_xact_id()");
                }
                figures.add(latency.measure("a transaction open in another db", ready, spacing));
                foreign.rollback();
            }
            try (WebhookReceiver slow = new WebhookReceiver(AlertLatency.SECRET, Duration.ofSeconds(5))) {
                AlertLatency.subscribe(GatewayClient.as(system, AlertLatency.SUPERVISOR), slow);
                figures.add(latency.measure("a 5 s webhook receiver", prepared(latency, samples), spacing));
            }
            System.out.printf("%nAlert latency, %d payments per condition, %d background writes/s (%d written, %d "
                    + "refused)%n", samples, writesPerSecond, latency.backgroundWrites(), latency.backgroundRefusals());
            figures.forEach(figure -> System.out.println(figure.complete() ? figure.line()
                    : figure.line() + "  (some alerts never came: " + figure + ")"));
        }
    }

    private static List<String> prepared(AlertLatency latency, int samples) {
        List<String> ready = latency.prepare(samples);
        AlertLatency.pause(Duration.ofSeconds(3));
        return ready;
    }
}
