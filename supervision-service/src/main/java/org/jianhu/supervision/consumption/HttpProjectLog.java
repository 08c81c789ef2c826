package org.jianhu.supervision.consumption;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.supervision.assessment.ProjectLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Pages through {@code GET /api/events?after=&limit=} (NDJSON), on from the last global position received. */
@Component
class HttpProjectLog implements ProjectLog {

    private final RestClient http;
    private final ObjectMapper json;
    private final int pageSize;

    HttpProjectLog(RestClient projectService, ObjectMapper json,
                   @Value("${jianhu.rebuild.page-size:1000}") int pageSize) {
        this.http = projectService;
        this.json = json;
        this.pageSize = pageSize;
    }

    @Override
    public long readAll(Consumer<EventEnvelope> each) {
        long after = 0;
        long total = 0;
        while (true) {
            long[] page = readPage(after, each);
            total += page[0];
            if (page[0] < pageSize) {
                return total;
            }
            after = page[1];
        }
    }

    /** @return events read and the last one's global position */
    private long[] readPage(long after, Consumer<EventEnvelope> each) {
        return http.get().uri("/api/events?after={after}&limit={limit}", after, pageSize)
                .exchange((request, response) -> {
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        throw new IllegalStateException("project service answered " + response.getStatusCode()
                                + " to the global log");
                    }
                    long count = 0;
                    long last = after;
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(response.getBody(), StandardCharsets.UTF_8))) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            if (line.isBlank()) {
                                continue;
                            }
                            EventEnvelope envelope = json.readValue(line, EventEnvelope.class);
                            each.accept(envelope);
                            last = envelope.globalPosition();
                            count++;
                        }
                    } catch (IOException unreadable) {
                        throw new UncheckedIOException(unreadable);
                    }
                    return new long[]{count, last};
                });
    }
}
