package org.jianhu.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks each service's readiness probe, as Kubernetes does, every quarter second in the background, and keeps what
 * it answered: {@code UP} (200), {@code DOWN} (503) or {@code no answer}.
 */
final class ReadinessWatch implements AutoCloseable {

    static final String UP = "UP";
    static final String DOWN = "DOWN";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Map<String, List<String>> answers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService asking;

    private ReadinessWatch(RunningSystem system, List<String> services) {
        asking = Executors.newScheduledThreadPool(services.size());
        for (String service : services) {
            List<String> answered = new CopyOnWriteArrayList<>();
            answers.put(service, answered);
            asking.scheduleWithFixedDelay(() -> answered.add(ask(system.process(service).managementUrl())),
                    0, 250, TimeUnit.MILLISECONDS);
        }
    }

    static ReadinessWatch of(RunningSystem system, List<String> services) {
        return new ReadinessWatch(system, services);
    }

    boolean answeredDown(String service) {
        return answers.get(service).contains(DOWN);
    }

    /** What the service answered last. */
    String last(String service) {
        List<String> answered = answers.get(service);
        return answered.isEmpty() ? "" : answered.get(answered.size() - 1);
    }

    private static String ask(String managementUrl) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                            URI.create(managementUrl + "/actuator/health/readiness")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? UP : answer.statusCode() == 503 ? DOWN : "HTTP " + answer.statusCode();
        } catch (IOException notAnswered) {
            return "no answer";
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "no answer";
        }
    }

    @Override
    public void close() {
        asking.shutdownNow();
    }
}
