package org.jianhu.verifier.tree;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Roots and proofs of a tree whose complete subtrees a {@link NodeSource} holds: RFC 6962 section 2.1
 * ({@code MTH}, {@code PATH}, {@code PROOF}/{@code SUBPROOF}). Each proof is first planned as spans of leaves,
 * then all the subtrees it needs are read at once.
 */
public final class Proofs {

    private final NodeSource source;

    public Proofs(NodeSource source) {
        this.source = source;
    }

    /** {@code MTH(D[0:size])}; the empty tree's root for size 0. */
    public byte[] root(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree has 0 leaves or more");
        }
        return size == 0 ? Hashes.emptyTree() : hashesOf(List.of(new Span(0, size))).get(0);
    }

    /** The audit path of the leaf at {@code index} in the tree of its first {@code size} leaves. */
    public List<byte[]> inclusion(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size + " leaves");
        }
        List<Span> plan = new ArrayList<>();
        path(index, 0, size, plan);
        return hashesOf(plan);
    }

    /**
     * That the tree of {@code from} leaves is a prefix of the tree of {@code to} leaves. From an empty tree there
     * is nothing to prove (and nothing we sign), so {@code from} is at least 1.
     */
    public List<byte[]> consistency(long from, long to) {
        if (from < 1 || from > to) {
            throw new IllegalArgumentException("no consistency proof from " + from + " to " + to + " leaves");
        }
        List<Span> plan = new ArrayList<>();
        if (from < to) {
            subproof(from, 0, to, true, plan);
        }
        return hashesOf(plan);
    }

    private static void path(long index, long start, long end, List<Span> plan) {
        if (end - start == 1) {
            return;
        }
        long split = Span.split(end - start);
        if (index < split) {
            path(index, start, start + split, plan);
            plan.add(new Span(start + split, end));
        } else {
            path(index - split, start + split, end, plan);
            plan.add(new Span(start, start + split));
        }
    }

    private static void subproof(long from, long start, long end, boolean fromOldRoot, List<Span> plan) {
        long size = end - start;
        if (from == size) {
            if (!fromOldRoot) {
                plan.add(new Span(start, end));
            }
            return;
        }
        long split = Span.split(size);
        if (from <= split) {
            subproof(from, start, start + split, fromOldRoot, plan);
            plan.add(new Span(start + split, end));
        } else {
            subproof(from - split, start + split, end, false, plan);
            plan.add(new Span(start, start + split));
        }
    }

    private List<byte[]> hashesOf(List<Span> plan) {
        Set<Node> needed = new HashSet<>();
        plan.forEach(span -> needed.addAll(span.nodes()));
        Map<Node, byte[]> known = source.hashes(needed);
        return plan.stream().map(span -> span.hash(known)).toList();
    }
}
