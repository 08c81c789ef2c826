package org.jianhu.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A supervisor's live alert stream, followed in the background: for every {@code raised} step, when it came
 * ({@link System#nanoTime()}), by project and rule, as a live feed would show it.
 */
final class TimedAlertStream {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Map<String, List<Long>> raised = new ConcurrentHashMap<>();

    private TimedAlertStream() {
    }

    static TimedAlertStream follow(RunningSystem system, String user) {
        TimedAlertStream stream = new TimedAlertStream();
        HTTP.sendAsync(HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/api/alerts/stream"))
                        .header("Authorization", "Bearer " + system.token(user))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(stream::line));
        return stream;
    }

    /** When each {@code raised} step of the rule on the project came, in the order they came. */
    List<Long> raisedAt(String projectId, String ruleId) {
        return List.copyOf(raised.getOrDefault(projectId + "/" + ruleId, List.of()));
    }

    private void line(String line) {
        if (!line.startsWith("data:")) {
            return;
        }
        long arrived = System.nanoTime();
        try {
            JsonNode step = JSON.readTree(line.substring(5));
            JsonNode alert = step.path("alert");
            if ("raised".equals(step.path("step").asText())) {
                raised.computeIfAbsent(alert.path("projectId").asText() + "/" + alert.path("ruleId").asText(),
                        key -> new CopyOnWriteArrayList<>()).add(arrived);
            }
        } catch (IOException notAStep) {
            // a comment or heartbeat the stream sends between steps
        }
    }
}
