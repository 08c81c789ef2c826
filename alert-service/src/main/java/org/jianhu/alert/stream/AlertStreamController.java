package org.jianhu.alert.stream;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jianhu.alert.lifecycle.Actor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;

/** Server-Sent Events of every step of the alerts the reader may see (as the list); reconnecting with Last-Event-ID resumes after that position. */
@RestController
class AlertStreamController {

    private final AlertEventStream stream;

    AlertStreamController(AlertEventStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ApiResponse(responseCode = "200", description = "one event per timeline row: id the position, event the step, "
            + "data the row and, in alert, the alert's summary", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
            schema = @Schema(implementation = StreamedStep.class)))
    SseEmitter stream(@RequestHeader(value = "Last-Event-ID", required = false) Long lastEventId,
                      Actor reader) throws IOException {
        if (lastEventId != null && lastEventId < 0) {
            throw new IllegalArgumentException("Last-Event-ID is a position, 0 or more");
        }
        return stream.subscribe(lastEventId, reader);
    }
}
