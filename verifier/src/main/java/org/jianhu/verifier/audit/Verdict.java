package org.jianhu.verifier.audit;

import java.util.List;

/**
 * What the verification found. Findings are in record order: the first names the first position where the record
 * differs (or, when nothing in the record does, a checkpoint that is not the log's).
 *
 * @param summary one line on what was verified
 */
public record Verdict(List<Finding> findings, String summary, Positions positions) {

    /** Global positions by leaf index, as the export had them, to name a leaf by its position. */
    public interface Positions {
        long count();

        long at(long leaf);
    }

    public boolean verified() {
        return findings.isEmpty();
    }

    /** The first finding as a sentence that names its position. */
    public String headline() {
        return verified() ? summary : describe(findings.get(0));
    }

    public String describe(Finding finding) {
        if (!finding.namesLeaves()) {
            return finding.message();
        }
        if (finding.namesOneLeaf()) {
            return "position " + positionOf(finding.firstLeaf()) + " (leaf " + finding.firstLeaf() + "): "
                    + finding.message();
        }
        return "positions " + positionOf(finding.firstLeaf()) + " to " + positionOf(finding.lastLeaf()) + " (leaves "
                + finding.firstLeaf() + " to " + finding.lastLeaf() + "): " + finding.message();
    }

    /** The global position of a leaf of the export, or what is known of it beyond the export's end. */
    public String positionOf(long leaf) {
        if (leaf < positions.count()) {
            return Long.toString(positions.at(leaf));
        }
        return positions.count() == 0 ? "(none: the export is empty)"
                : "(missing, after " + positions.at(positions.count() - 1) + ")";
    }
}
