package org.jianhu.project.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.project.project.Actor;
import org.jianhu.project.web.UnknownProject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;

/**
 * What auditors read: a project's whole history (for whoever may read the project) and the global log
 * for export and rebuilds (for auditors, admins and other services).
 */
@RestController
public class HistoryController {

    public static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final StoredEvents storedEvents;
    private final ProjectStates states;
    private final ObjectMapper objectMapper;

    public HistoryController(StoredEvents storedEvents, ProjectStates states, ObjectMapper objectMapper) {
        this.storedEvents = storedEvents;
        this.states = states;
        this.objectMapper = objectMapper;
    }

    @Operation(summary = "Every event of a project in order, with position, sequence, type, time, actor, payload")
    @GetMapping("/api/projects/{projectId}/history")
    public List<EventEnvelope> history(@PathVariable String projectId, Actor actor) {
        List<EventEnvelope> events = storedEvents.ofProject(projectId);
        var project = states.of(events).orElseThrow(() -> new UnknownProject(projectId));
        actor.requireReading(project.state());
        return events;
    }

    @Operation(summary = "The global log after the event at a global position (0: from the start), in the "
            + "event store's reading order, as NDJSON: one event envelope per line, with the stored record byte for "
            + "byte (stored: aggregate and payload type, payload and metadata as base64) and its leaf in the record's "
            + "tree once it has one (leaf: index and hash), so the export verifies offline (./jianhu verify). "
            + "project and type keep only that project's or that type's events; page on the same way")
    @GetMapping(value = "/api/events", produces = "application/x-ndjson")
    public ResponseEntity<StreamingResponseBody> events(@RequestParam(defaultValue = "0") long after,
                                                        @RequestParam(required = false) Long limit,
                                                        @RequestParam(required = false) String project,
                                                        @RequestParam(required = false) String type,
                                                        Actor actor) {
        actor.requireReadingEverything("the global log");
        if (after < 0 || limit != null && limit < 1) {
            throw new IllegalArgumentException("after must be 0 or more and limit 1 or more");
        }
        if (after > 0 && !storedEvents.hasPosition(after)) {
            throw new IllegalArgumentException("no event has global position " + after
                    + "; page on with the globalPosition of the last event you received");
        }
        LogFilter filter = LogFilter.of(project, type);
        StreamingResponseBody body = output -> {
            try (ExportLines lines = new ExportLines(objectMapper.getFactory(), output)) {
                storedEvents.streamAfter(after, limit == null ? Long.MAX_VALUE : limit, filter, lines::write);
            }
        };
        return ResponseEntity.ok().contentType(NDJSON).body(body);
    }
}
