package org.jianhu.project.integrity;

import org.jianhu.project.integrity.checkpoint.Checkpoints;
import org.jianhu.project.integrity.checkpoint.StoredCheckpoint;
import org.jianhu.project.integrity.tree.LoggedEvents;
import org.jianhu.project.integrity.tree.StoredTree;
import org.jianhu.servicesupport.input.InvalidInput;
import org.jianhu.verifier.event.LeafEncoding;
import org.jianhu.verifier.event.StoredEvent;
import org.jianhu.verifier.note.Checkpoint;
import org.jianhu.verifier.note.SignedNote;
import org.jianhu.verifier.note.TlogProof;
import org.jianhu.verifier.tree.Proofs;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * What an auditor asks of the tree: where an event is (its leaf), an inclusion proof, a consistency proof, and one
 * event's tlog-proof file. A global position names an event; its leaf index is its place in the event store's
 * reading order, which is the tree's order (positions may have gaps, leaf indices never do). Each answer is read in
 * one read-only transaction, so tree and checkpoints are seen as of one moment.
 */
public class RecordProofs {

    /** An inclusion proof of the event at a global position in the tree of {@code treeSize} leaves. */
    public record Inclusion(long position, long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof,
                            byte[] root) {
    }

    /** A consistency proof from the tree of {@code from} leaves to the tree of {@code to}. */
    public record Consistency(long from, long to, List<byte[]> proof, byte[] fromRoot, byte[] toRoot) {
    }

    private final StoredTree tree;
    private final Checkpoints checkpoints;
    private final LoggedEvents events;
    private final TransactionTemplate readOnly;

    public RecordProofs(StoredTree tree, Checkpoints checkpoints, LoggedEvents events, TransactionTemplate transaction) {
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.events = events;
        this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
    }

    public StoredCheckpoint latestCheckpoint() {
        return checkpoints.latest().orElseThrow(() -> Unanswerable.notFound("the log has signed no checkpoint yet"));
    }

    /** @param size the tree's size to prove in; null: the latest signed checkpoint's */
    public Inclusion inclusion(long position, Long size) {
        return readOnly.execute(status -> {
            long leaf = leafOf(position);
            long treeSize = size != null ? size : latestCheckpoint().size();
            if (size != null) {
                requireWithinTree("size", size);
            }
            if (treeSize <= leaf) {
                if (size == null) {
                    throw Unanswerable.notYetCheckpointed(coveredLater(position, leaf, treeSize));
                }
                throw new InvalidInput("size", "position " + position + " is leaf " + leaf + ": a tree holding it has "
                        + (leaf + 1) + " leaves or more, not " + size);
            }
            Proofs proofs = tree.proofs();
            return new Inclusion(position, leaf, treeSize, tree.leafHash(leaf), proofs.inclusion(leaf, treeSize),
                    proofs.root(treeSize));
        });
    }

    public Consistency consistency(long from, long to) {
        return readOnly.execute(status -> {
            if (from < 1) {
                throw new InvalidInput("from", "a consistency proof starts from a tree of at least one leaf");
            }
            if (to < from) {
                throw new InvalidInput("to", "to must be at least from (" + from + ")");
            }
            requireWithinTree("to", to);
            Proofs proofs = tree.proofs();
            return new Consistency(from, to, proofs.consistency(from, to), proofs.root(from), proofs.root(to));
        });
    }

    /**
     * The C2SP tlog-proof of one event: its leaf encoding as the {@code extra} line (so a third party hashes it
     * again), its leaf index, the inclusion proof in the latest checkpoint's tree and that checkpoint, verbatim.
     */
    public String tlogProof(long position) {
        return readOnly.execute(status -> {
            long leaf = leafOf(position);
            StoredCheckpoint checkpoint = latestCheckpoint();
            if (checkpoint.size() <= leaf) {
                throw Unanswerable.notYetCheckpointed(coveredLater(position, leaf, checkpoint.size()));
            }
            StoredEvent event = events.at(position).orElseThrow(() -> Unanswerable.notFound("the event at global "
                    + "position " + position + " is in the tree but no longer in the log"));
            Checkpoint signed = Checkpoint.parse(SignedNote.parse(checkpoint.note()).text());
            return new TlogProof(LeafEncoding.encode(event), leaf, tree.proofs().inclusion(leaf, signed.size()),
                    checkpoint.note()).encoded();
        });
    }

    private long leafOf(long position) {
        if (position < 1) {
            throw new InvalidInput("position", "a global position is 1 or more");
        }
        return tree.leafOf(position).orElseThrow(() -> Unanswerable.notFound("no event at global position "
                + position + " is in the tree (yet): the tree follows the log within moments"));
    }

    private void requireWithinTree(String field, long size) {
        long treeSize = tree.size();
        if (size > treeSize) {
            throw new InvalidInput(field, "the tree has " + treeSize + " leaves, not " + size);
        }
    }

    private static String coveredLater(long position, long leaf, long checkpointSize) {
        return "position " + position + " is leaf " + leaf + ", and the latest signed checkpoint covers "
                + checkpointSize + " leaves; the next one will cover it";
    }
}
