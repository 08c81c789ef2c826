package org.jianhu.verifier.audit;

/**
 * One way the record differs from what was signed. A finding names leaves when it can: one leaf when the export
 * itself shows which event differs, a span of leaves when only a signed root does (the event lies somewhere
 * between the last checkpoint that still verifies and the first that does not); none for a checkpoint that is not
 * the log's.
 */
public record Finding(long firstLeaf, long lastLeaf, String message) {

    static final long NO_LEAF = Long.MAX_VALUE;

    static Finding atLeaf(long leaf, String message) {
        return new Finding(leaf, leaf, message);
    }

    static Finding withinLeaves(long first, long last, String message) {
        return new Finding(first, last, message);
    }

    static Finding aboutCheckpoints(String message) {
        return new Finding(NO_LEAF, NO_LEAF, message);
    }

    public boolean namesLeaves() {
        return firstLeaf != NO_LEAF;
    }

    public boolean namesOneLeaf() {
        return namesLeaves() && firstLeaf == lastLeaf;
    }
}
