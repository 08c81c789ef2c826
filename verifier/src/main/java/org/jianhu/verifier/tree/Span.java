package org.jianhu.verifier.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The leaves from {@code start} (inclusive) to {@code end} (exclusive), and the Merkle tree hash over them as
 * RFC 6962 defines it: {@code MTH(D[start:end])}, split after the largest power of two below its size. Proofs are
 * lists of spans; a span's hash is put together from the complete subtrees it is made of.
 */
public record Span(long start, long end) {

    public Span {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("not a span of leaves: [" + start + ", " + end + ")");
        }
    }

    public long size() {
        return end - start;
    }

    /** The complete subtrees whose hashes make up this span's hash, left to right. */
    public List<Node> nodes() {
        List<Node> nodes = new ArrayList<>();
        collect(start, end, nodes);
        return nodes;
    }

    /** {@code MTH(D[start:end])} from the hashes of {@link #nodes()}. */
    public byte[] hash(Map<Node, byte[]> known) {
        return hash(start, end, known);
    }

    /** The largest power of two smaller than {@code n} (n ≥ 2): where RFC 6962 splits a tree of n leaves. */
    public static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static void collect(long start, long end, List<Node> nodes) {
        Node complete = completeNode(start, end);
        if (complete != null) {
            nodes.add(complete);
            return;
        }
        long middle = start + split(end - start);
        collect(start, middle, nodes);
        collect(middle, end, nodes);
    }

    private static byte[] hash(long start, long end, Map<Node, byte[]> known) {
        Node complete = completeNode(start, end);
        if (complete != null) {
            byte[] hash = known.get(complete);
            if (hash == null) {
                throw new IllegalStateException("no hash for " + complete);
            }
            return hash;
        }
        long middle = start + split(end - start);
        return Hashes.node(hash(start, middle, known), hash(middle, end, known));
    }

    /** The stored subtree covering exactly these leaves, if the span is one: a power of two, aligned on its size. */
    private static Node completeNode(long start, long end) {
        long size = end - start;
        if (Long.bitCount(size) != 1 || start % size != 0) {
            return null;
        }
        return new Node(Long.numberOfTrailingZeros(size), start / size);
    }
}
