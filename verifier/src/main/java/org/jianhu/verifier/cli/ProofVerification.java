package org.jianhu.verifier.cli;

import org.jianhu.verifier.event.LeafEncoding;
import org.jianhu.verifier.event.StoredEvent;
import org.jianhu.verifier.note.MalformedNote;
import org.jianhu.verifier.note.SignedCheckpoint;
import org.jianhu.verifier.note.TlogProof;
import org.jianhu.verifier.note.UnverifiedNote;
import org.jianhu.verifier.note.VerifierKey;
import org.jianhu.verifier.tree.Hashes;

import java.io.PrintStream;
import java.util.Optional;

/**
 * Checks one event's tlog-proof: the checkpoint is the log's, the {@code extra} line is the event's leaf encoding,
 * and the inclusion proof leads from that leaf to the signed root. Then the event is shown as it was recorded.
 */
final class ProofVerification {

    private final VerifierKey logKey;

    ProofVerification(VerifierKey logKey) {
        this.logKey = logKey;
    }

    int verify(String file, PrintStream out) {
        TlogProof proof;
        SignedCheckpoint checkpoint;
        try {
            proof = TlogProof.parse(file);
            checkpoint = SignedCheckpoint.verify(proof.checkpointNote(), logKey);
        } catch (MalformedNote | UnverifiedNote untrusted) {
            out.println("the proof does not verify: its checkpoint is not the log's: " + untrusted.getMessage());
            return Verify.DIFFERS;
        }
        if (proof.extra() == null) {
            out.println("the proof does not verify: it carries no event (no extra line) to hash");
            return Verify.DIFFERS;
        }
        StoredEvent event;
        try {
            event = LeafEncoding.decode(proof.extra());
        } catch (IllegalArgumentException notAnEvent) {
            out.println("the proof does not verify: its extra line is no event: " + notAnEvent.getMessage());
            return Verify.DIFFERS;
        }
        Optional<String> fault = proof.inclusion(checkpoint.checkpoint())
                .fault(Hashes.leaf(proof.extra()), checkpoint.root());
        if (fault.isPresent()) {
            out.println("the proof does not verify: " + fault.get());
            return Verify.DIFFERS;
        }
        out.println("verified: " + event + " (" + event.aggregateId() + " #" + event.sequenceNumber() + ", "
                + event.payloadType() + ", recorded " + event.timestamp() + ") is leaf " + proof.index()
                + " of the tree of " + checkpoint.size() + " events signed by " + logKey.name());
        return Verify.VERIFIED;
    }
}
