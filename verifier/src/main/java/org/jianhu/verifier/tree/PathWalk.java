package org.jianhu.verifier.tree;

/**
 * The walk from a node up to the root that RFC 9162 verifies proofs with: {@code fn}, the node's index on its
 * level, and {@code sn}, the index of the last node on that level. Each proof hash is the sibling of the node at
 * the current level, left or right; where the node is the last of its level and a left child, the level has no
 * sibling for it and is passed over.
 */
final class PathWalk {

    private long node;
    private long last;

    PathWalk(long node, long last) {
        this.node = node;
        this.last = last;
    }

    boolean atRoot() {
        return last == 0;
    }

    /** The next hash is the left sibling: the node is a right child, or the last of its level. */
    boolean siblingIsLeft() {
        return (node & 1) == 1 || node == last;
    }

    boolean isRightChild() {
        return (node & 1) == 1;
    }

    /** After a left sibling: up past the levels where the node, a left child and the last, has no sibling. */
    void passLevelsWithoutSibling() {
        while ((node & 1) == 0 && node != 0) {
            up();
        }
    }

    void up() {
        node >>= 1;
        last >>= 1;
    }
}
