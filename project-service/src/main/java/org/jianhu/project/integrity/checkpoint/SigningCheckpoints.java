package org.jianhu.project.integrity.checkpoint;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jianhu.project.integrity.tree.StoredTree;
import org.jianhu.verifier.note.Checkpoint;
import org.jianhu.verifier.note.NoteSigner;
import org.jianhu.verifier.note.SignedCheckpoint;
import org.jianhu.verifier.note.SignedNote;
import org.jianhu.verifier.tree.ConsistencyProof;
import org.jianhu.verifier.tree.Proofs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every few seconds, when the tree grew, signs a checkpoint of it: origin, size, root, as a C2SP signed note. Never
 * one inconsistent with the last it signed: before signing, the last checkpoint must be the log's (its signature
 * verifies with the log's key, and no checkpoint this instance signed has gone), and a consistency proof from it
 * to the new tree must verify. Otherwise it refuses, says why in the {@code integrity} health component, and tries
 * again next time.
 */
public class SigningCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(SigningCheckpoints.class);
    /** The advisory lock of the checkpoint signer: "jianhu" in ASCII, then 2. */
    private static final long SIGNER_LOCK = 0x6a69616e68750002L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final StoredTree tree;
    private final Checkpoints checkpoints;
    private final NoteSigner signer;
    private final SigningStatus status;
    private final Timer lag;
    /** The largest checkpoint this instance signed: if the database no longer has it, someone took it out. */
    private final AtomicReference<Checkpoint> lastSignedHere = new AtomicReference<>();

    public SigningCheckpoints(JdbcTemplate jdbc, TransactionTemplate transaction, StoredTree tree,
                              Checkpoints checkpoints, NoteSigner signer, SigningStatus status,
                              MeterRegistry registry) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.status = status;
        this.lag = Timer.builder("jianhu.integrity.checkpoint.lag")
                .description("From an event's recording to the first signed checkpoint that covers it")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** One scheduled run ({@code jianhu.integrity.checkpoint-interval}): failures wait for the next. */
    public void signOnSchedule() {
        try {
            signIfGrown();
        } catch (RuntimeException failed) {
            log.warn("no checkpoint signed this time: {}", failed.getMessage());
        }
    }

    /** Signs a checkpoint of the tree as it stands, if it grew since the last one; answers it. */
    public Optional<SignedNote> signIfGrown() {
        Optional<Signed> signed = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                    SIGNER_LOCK))) {
                return Optional.<Signed>empty();
            }
            return signIn(tree.size());
        });
        signed.ifPresent(this::stored);
        return signed.map(Signed::note);
    }

    /** A checkpoint just signed, and the leaves it was the first to cover. */
    private record Signed(Checkpoint checkpoint, SignedNote note, long fromLeaf, long toLeaf) {
    }

    /**
     * Once the checkpoint is committed: only then is it remembered as signed here. Reading when each newly covered
     * event was recorded happens here too, so that no write transaction stays open for it (every reader of the
     * event store waits behind one).
     */
    private void stored(Signed signed) {
        lastSignedHere.set(signed.checkpoint());
        status.signed(signed.checkpoint().size());
        Instant signedAt = Instant.now();
        tree.recordedAt(signed.fromLeaf(), signed.toLeaf())
                .forEach(recorded -> lag.record(Duration.between(recorded, signedAt)));
    }

    private Optional<Signed> signIn(long size) {
        Optional<Checkpoint> last;
        try {
            last = lastSigned();
        } catch (RefusedToSign refused) {
            return refuse(refused.getMessage());
        }
        long lastSize = last.map(Checkpoint::size).orElse(0L);
        if (size <= lastSize) {
            return Optional.empty();
        }
        Proofs proofs = tree.proofs();
        byte[] root = proofs.root(size);
        if (last.isPresent()) {
            Optional<String> fault = new ConsistencyProof(lastSize, size, proofs.consistency(lastSize, size))
                    .fault(last.get().root(), root);
            if (fault.isPresent()) {
                return refuse("the tree of " + size + " leaves does not extend the checkpoint of " + lastSize
                        + " leaves the log signed (" + fault.get() + "): the tree was rewritten");
            }
        }
        Checkpoint checkpoint = new Checkpoint(signer.verifierKey().name(), size, root);
        SignedNote note = signer.sign(checkpoint.text());
        checkpoints.add(size, root, note.encoded());
        return Optional.of(new Signed(checkpoint, note, lastSize, size));
    }

    /** The last checkpoint, once it is certain the log signed it and nothing it signed later was taken out. */
    private Optional<Checkpoint> lastSigned() {
        Optional<StoredCheckpoint> stored = checkpoints.latest();
        Checkpoint signedHere = lastSignedHere.get();
        if (signedHere != null && stored.map(StoredCheckpoint::size).orElse(0L) < signedHere.size()) {
            throw new RefusedToSign("the checkpoint of " + signedHere.size() + " leaves this instance signed is no "
                    + "longer stored: checkpoints were deleted");
        }
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SignedCheckpoint.verify(stored.get().note(), signer.verifierKey()).checkpoint());
        } catch (RuntimeException notOurs) {
            throw new RefusedToSign("the stored checkpoint of " + stored.get().size() + " leaves is not the log's: "
                    + notOurs.getMessage());
        }
    }

    private Optional<Signed> refuse(String why) {
        log.error("refusing to sign a checkpoint: {}", why);
        status.refused(why);
        return Optional.empty();
    }

    private static final class RefusedToSign extends RuntimeException {
        RefusedToSign(String message) {
            super(message);
        }
    }
}
