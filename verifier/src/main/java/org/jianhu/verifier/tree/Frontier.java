package org.jianhu.verifier.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The right edge of a tree: the complete subtrees that together hold all its leaves, largest first (a compact
 * range). That is all it takes to append a leaf, to learn which subtrees the leaf completes (each is stored once,
 * for later proofs) and to compute the root.
 */
public final class Frontier {

    /** Told of every complete subtree as an appended leaf completes it, the leaf itself first. */
    @FunctionalInterface
    public interface CompletedNodes {
        void completed(Node node, byte[] hash);
    }

    private final List<byte[]> edge;
    private long size;

    private Frontier(long size, List<byte[]> edge) {
        this.size = size;
        this.edge = edge;
    }

    public static Frontier empty() {
        return new Frontier(0, new ArrayList<>());
    }

    /** The nodes a frontier of a tree of {@code size} leaves is made of, to be read with {@link #of}. */
    public static List<Node> nodesAt(long size) {
        return size == 0 ? List.of() : new Span(0, size).nodes();
    }

    /** The frontier of a stored tree of {@code size} leaves, from the hashes of {@link #nodesAt(long)}. */
    public static Frontier of(long size, Map<Node, byte[]> hashes) {
        List<byte[]> edge = new ArrayList<>();
        for (Node node : nodesAt(size)) {
            byte[] hash = hashes.get(node);
            if (hash == null) {
                throw new IllegalStateException("the tree of " + size + " leaves has no hash for " + node);
            }
            edge.add(hash);
        }
        return new Frontier(size, edge);
    }

    public long size() {
        return size;
    }

    public void append(byte[] leafHash, CompletedNodes completed) {
        if (!Hashes.isHash(leafHash)) {
            throw new IllegalArgumentException("a leaf hash has " + Hashes.SIZE + " bytes");
        }
        Node node = new Node(0, size);
        byte[] hash = leafHash;
        completed.completed(node, hash);
        while (!node.isLeftChild()) {
            hash = Hashes.node(edge.remove(edge.size() - 1), hash);
            node = node.parent();
            completed.completed(node, hash);
        }
        edge.add(hash);
        size++;
    }

    /** The root of the tree: {@code MTH(D[0:size])}. */
    public byte[] root() {
        if (edge.isEmpty()) {
            return Hashes.emptyTree();
        }
        byte[] root = edge.get(edge.size() - 1);
        for (int i = edge.size() - 2; i >= 0; i--) {
            root = Hashes.node(edge.get(i), root);
        }
        return root;
    }

    List<byte[]> edge() {
        return Collections.unmodifiableList(edge);
    }
}
