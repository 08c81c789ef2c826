package org.jianhu.supervision.assessment;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.supervision.web.NotAllowed;
import org.jianhu.supervision.web.UnknownRebuild;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** An administrator rebuilds every project's facts from the project service's log, in the background. */
@RestController
class RebuildController {

    record RebuildStarted(UUID rebuildId, String progress) {
    }

    private final Rebuilding rebuilding;
    private final Rebuilds rebuilds;

    RebuildController(Rebuilding rebuilding, Rebuilds rebuilds) {
        this.rebuilding = rebuilding;
        this.rebuilds = rebuilds;
    }

    @PostMapping("/api/risk/rebuild")
    @ApiResponse(responseCode = "202", description = "started; its progress is at the Location")
    ResponseEntity<RebuildStarted> rebuild(CallerIdentity caller) {
        NotAllowed.requireAdmin(caller);
        UUID id = rebuilding.start(caller.user());
        String progress = "/api/risk/rebuild/" + id;
        return ResponseEntity.accepted().location(URI.create(progress)).body(new RebuildStarted(id, progress));
    }

    @GetMapping("/api/risk/rebuild/{rebuildId}")
    Rebuilds.Progress progress(@PathVariable UUID rebuildId, CallerIdentity caller) {
        NotAllowed.requireAdmin(caller);
        return rebuilds.find(rebuildId).orElseThrow(() -> new UnknownRebuild(rebuildId));
    }
}
