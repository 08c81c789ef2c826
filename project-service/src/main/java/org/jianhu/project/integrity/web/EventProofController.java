package org.jianhu.project.integrity.web;

import io.swagger.v3.oas.annotations.Operation;
import org.jianhu.project.integrity.RecordProofs;
import org.jianhu.project.project.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** One event's proof to show a third party: a C2SP tlog-proof file, its signed checkpoint included. */
@RestController
public class EventProofController {

    private final RecordProofs proofs;

    public EventProofController(RecordProofs proofs) {
        this.proofs = proofs;
    }

    @Operation(summary = "The C2SP tlog-proof of the event at a global position: its leaf encoding (extra), leaf "
            + "index, inclusion proof and the latest signed checkpoint; verify with ./jianhu verify --proof")
    @GetMapping(value = "/api/events/{globalPosition}/proof", produces = PlainText.VALUE)
    public ResponseEntity<String> proof(@PathVariable long globalPosition, Actor actor) {
        actor.requireAuditing("an event's proof");
        String proof = proofs.tlogProof(globalPosition);
        return ResponseEntity.ok()
                .contentType(PlainText.TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("event-" + globalPosition + ".tlog-proof").build().toString())
                .body(proof);
    }
}
