package org.jianhu.verifier.tree;

/**
 * A complete subtree: the {@code 2^level} leaves from {@code index * 2^level} on. Level 0 is a leaf. Once the tree
 * holds all its leaves, a node never changes, so it can be stored once and read back for any later proof.
 */
public record Node(int level, long index) {

    public Node {
        if (level < 0 || level > 62 || index < 0) {
            throw new IllegalArgumentException("no such node: level " + level + ", index " + index);
        }
    }

    public long firstLeaf() {
        return index << level;
    }

    /** The leaf after this subtree's last. */
    public long end() {
        return (index + 1) << level;
    }

    public boolean isLeftChild() {
        return (index & 1) == 0;
    }

    public Node parent() {
        return new Node(level + 1, index >> 1);
    }

    public Node leftSibling() {
        return new Node(level, index - 1);
    }
}
