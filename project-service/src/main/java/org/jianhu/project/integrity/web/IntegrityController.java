package org.jianhu.project.integrity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jianhu.project.integrity.RecordProofs;
import org.jianhu.project.integrity.checkpoint.Checkpoints;
import org.jianhu.project.integrity.checkpoint.StoredCheckpoint;
import org.jianhu.project.project.Actor;
import org.jianhu.servicesupport.input.InvalidInput;
import org.jianhu.verifier.note.VerifierKey;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The record's integrity for auditors and admins: the latest signed checkpoint, the verifier key, the checkpoints
 * since a size, inclusion and consistency proofs. Hashes are base64; a global position names an event, and its
 * leaf index is its place in the event store's reading order.
 */
@RestController
@RequestMapping("/api/integrity")
public class IntegrityController {

    private static final int MAX_CHECKPOINTS = 1000;

    private final RecordProofs proofs;
    private final Checkpoints checkpoints;
    private final VerifierKey logKey;

    public IntegrityController(RecordProofs proofs, Checkpoints checkpoints, VerifierKey logKey) {
        this.proofs = proofs;
        this.checkpoints = checkpoints;
        this.logKey = logKey;
    }

    @Operation(summary = "The latest signed checkpoint, as the C2SP signed note (origin, tree size, root hash)")
    @GetMapping(value = "/checkpoint", produces = PlainText.VALUE)
    public ResponseEntity<String> checkpoint(Actor actor) {
        actor.requireAuditing("the record's checkpoints");
        return PlainText.of(proofs.latestCheckpoint().note());
    }

    @Operation(summary = "The log's verifier key, in the C2SP note vkey form (name+key id+base64 Ed25519 key)")
    @GetMapping(value = "/key", produces = PlainText.VALUE)
    public ResponseEntity<String> key(Actor actor) {
        actor.requireAuditing("the log's key");
        return PlainText.of(logKey.encoded() + "\n");
    }

    @Operation(summary = "Signed checkpoints of more than `after` leaves, smallest first")
    @GetMapping("/checkpoints")
    public List<StoredCheckpoint> checkpoints(
            @Parameter(description = "a tree size; 0 lists from the first") @RequestParam(defaultValue = "0") long after,
            @Parameter(description = "1 to 1000") @RequestParam(defaultValue = "100") int limit,
            Actor actor) {
        actor.requireAuditing("the record's checkpoints");
        if (after < 0) {
            throw new InvalidInput("after", "after is a tree size, 0 or more");
        }
        if (limit < 1 || limit > MAX_CHECKPOINTS) {
            throw new InvalidInput("limit", "limit is 1 to " + MAX_CHECKPOINTS);
        }
        return checkpoints.after(after, limit);
    }

    @Operation(summary = "That the event at a global position is in the tree of `size` leaves: its leaf index, "
            + "leaf hash, audit path (RFC 6962) and that tree's root")
    @GetMapping("/proofs/inclusion")
    public RecordProofs.Inclusion inclusion(
            @Parameter(description = "the event's global position") @RequestParam long position,
            @Parameter(description = "the tree size; absent, the latest signed checkpoint's")
            @RequestParam(required = false) Long size,
            Actor actor) {
        actor.requireAuditing("the record's proofs");
        return proofs.inclusion(position, size);
    }

    @Operation(summary = "That the tree of `from` leaves is a prefix of the tree of `to` leaves (RFC 6962)")
    @GetMapping("/proofs/consistency")
    public RecordProofs.Consistency consistency(@RequestParam long from, @RequestParam long to, Actor actor) {
        actor.requireAuditing("the record's proofs");
        return proofs.consistency(from, to);
    }
}
