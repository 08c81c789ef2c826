package org.jianhu.verifier.audit;

import org.jianhu.verifier.event.LeafEncoding;
import org.jianhu.verifier.export.ExportLine;
import org.jianhu.verifier.export.MalformedJson;
import org.jianhu.verifier.note.MalformedNote;
import org.jianhu.verifier.note.SignedCheckpoint;
import org.jianhu.verifier.note.UnverifiedNote;
import org.jianhu.verifier.note.VerifierKey;
import org.jianhu.verifier.tree.Hashes;
import org.jianhu.verifier.tree.MemoryTree;
import org.jianhu.verifier.tree.Proofs;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Recomputes the tree from an export and holds it against the checkpoints an auditor kept: each must be signed by
 * the log's key, and its root must be the root of the export's first {@code size} events. Where the export also
 * says where the log's tree placed each event, those claims are checked too, which names the very event that was
 * changed while the tree was left alone.
 */
public final class RecordVerification {

    private final VerifierKey logKey;

    public RecordVerification(VerifierKey logKey) {
        this.logKey = logKey;
    }

    public Verdict verify(BufferedReader export, List<CheckpointFile> kept) throws IOException {
        List<Finding> findings = new ArrayList<>();
        TreeMap<Long, Signed> checkpoints = verifiedCheckpoints(kept, findings);
        MemoryTree tree = new MemoryTree();
        GrowingPositions positions = new GrowingPositions();
        readExport(export, tree, positions, findings);
        compareRoots(tree, checkpoints, findings);
        if (checkpoints.isEmpty()) {
            findings.add(Finding.aboutCheckpoints("no checkpoint signed by " + logKey.name() + " was given: there is "
                    + "nothing to hold the record against"));
        }
        return new Verdict(inRecordOrder(findings), summary(tree, checkpoints), positions);
    }

    /**
     * By the first leaf each names; a span that holds an event named exactly comes after it, since the exact
     * finding says more about where the record first differs than the signed root alone can.
     */
    private static List<Finding> inRecordOrder(List<Finding> findings) {
        List<Finding> exact = findings.stream().filter(Finding::namesOneLeaf).toList();
        return findings.stream().sorted(Comparator.comparingDouble(finding -> exact.stream()
                        .filter(one -> !finding.namesOneLeaf() && one.firstLeaf() >= finding.firstLeaf()
                                && one.firstLeaf() <= finding.lastLeaf())
                        .mapToDouble(one -> one.firstLeaf() + 0.5)
                        .findFirst()
                        .orElse(finding.firstLeaf())))
                .toList();
    }

    private record Signed(SignedCheckpoint checkpoint, String source) {
    }

    private TreeMap<Long, Signed> verifiedCheckpoints(List<CheckpointFile> kept, List<Finding> findings) {
        TreeMap<Long, Signed> bySize = new TreeMap<>();
        for (CheckpointFile file : kept) {
            try {
                Signed signed = new Signed(SignedCheckpoint.verify(file.note(), logKey), file.source());
                Signed other = bySize.putIfAbsent(signed.checkpoint().size(), signed);
                if (other != null && !Hashes.same(other.checkpoint().root(), signed.checkpoint().root())) {
                    findings.add(Finding.aboutCheckpoints("checkpoints " + other.source() + " and " + file.source()
                            + " are both signed by the log and give two different trees of "
                            + signed.checkpoint().size() + " events: the log showed different records to different"
                            + " readers"));
                }
            } catch (MalformedNote | UnverifiedNote untrusted) {
                findings.add(Finding.aboutCheckpoints("checkpoint " + file.source() + " is not the log's: "
                        + untrusted.getMessage()));
            }
        }
        return bySize;
    }

    private static void readExport(BufferedReader export, MemoryTree tree, GrowingPositions positions,
                                   List<Finding> findings) throws IOException {
        boolean misplacedReported = false;
        int lineNumber = 0;
        for (String line = export.readLine(); line != null; line = export.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            long leaf = tree.size();
            ExportLine exported;
            try {
                exported = ExportLine.parse(line);
            } catch (MalformedJson | IllegalArgumentException unreadable) {
                findings.add(Finding.atLeaf(leaf, "line " + lineNumber + " of the export is not an exported event ("
                        + unreadable.getMessage() + "); nothing after it was verified"));
                return;
            }
            byte[] leafHash = LeafEncoding.leafHash(exported.event());
            tree.append(leafHash);
            positions.add(exported.event().globalPosition());
            exported.disagreement().ifPresent(fault -> findings.add(Finding.atLeaf(leaf, "the line of "
                    + exported.event() + " contradicts itself: " + fault)));
            if (exported.claimedLeaf().isPresent()) {
                ExportLine.ClaimedLeaf claim = exported.claimedLeaf().get();
                if (claim.index() != leaf && !misplacedReported) {
                    // Once one event is missing or added, every later one is out of place: say it once.
                    misplacedReported = true;
                    String before = leaf == 0 ? "before it" : "between positions " + positions.at(leaf - 1)
                            + " and " + exported.event().globalPosition();
                    findings.add(Finding.atLeaf(leaf, "the log's tree holds " + exported.event() + " as leaf "
                            + claim.index() + ", but it is leaf " + leaf + " of the record: " + (claim.index() > leaf
                            ? "an event " + before + " is missing" : "an event " + before + " was added")));
                } else if (claim.index() == leaf && !Hashes.same(claim.hash(), leafHash)) {
                    findings.add(Finding.atLeaf(leaf, exported.event() + " is not the event the log's tree recorded"
                            + " there: it was changed after it was recorded"));
                }
            }
        }
    }

    private static void compareRoots(MemoryTree tree, TreeMap<Long, Signed> checkpoints, List<Finding> findings) {
        Proofs proofs = tree.proofs();
        long lastMatching = 0;
        for (Signed signed : checkpoints.values()) {
            long size = signed.checkpoint().size();
            if (size > tree.size()) {
                findings.add(Finding.atLeaf(tree.size(), "checkpoint " + signed.source() + " was signed over " + size
                        + " events, the export holds " + tree.size() + ": the record lost events from leaf "
                        + tree.size() + " on"));
                return;
            }
            if (size == 0) {
                continue;
            }
            if (!Hashes.same(proofs.root(size), signed.checkpoint().root())) {
                findings.add(Finding.withinLeaves(lastMatching, size - 1, "the first " + size + " events do not have "
                        + "the root the log signed in checkpoint " + signed.source() + " (size " + size + ")"
                        + (lastMatching == 0 ? "" : ", though the first " + lastMatching + " do")
                        + (lastMatching == size - 1 ? ": this event differs from what was signed"
                        : ": an event among these differs from what was signed")));
                return;
            }
            lastMatching = size;
        }
    }

    private static String summary(MemoryTree tree, TreeMap<Long, Signed> checkpoints) {
        if (checkpoints.isEmpty()) {
            return "recomputed " + tree.size() + " events; no checkpoint to verify them against";
        }
        long latest = checkpoints.lastKey();
        return "verified: " + tree.size() + " events, " + checkpoints.size() + " checkpoints; the first " + latest
                + " events have the root the log signed at size " + latest + " (" + checkpoints.lastEntry().getValue()
                .source() + ")" + (tree.size() > latest ? "; " + (tree.size() - latest)
                + " later events are not yet covered by a kept checkpoint" : "");
    }

    /** Positions by leaf, in one growing array. */
    private static final class GrowingPositions implements Verdict.Positions {
        private long[] positions = new long[1024];
        private int count;

        void add(long position) {
            if (count == positions.length) {
                positions = Arrays.copyOf(positions, positions.length * 2);
            }
            positions[count++] = position;
        }

        @Override
        public long count() {
            return count;
        }

        @Override
        public long at(long leaf) {
            return positions[(int) leaf];
        }
    }
}
