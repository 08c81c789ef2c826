package org.jianhu.verifier.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole tree in memory, every complete subtree kept (about two hashes per leaf: 64 MB for a million), so roots
 * and proofs can be had for every size. What the verifier recomputes an export into.
 */
public final class MemoryTree implements NodeSource {

    private final Frontier frontier = Frontier.empty();
    private final List<Level> levels = new ArrayList<>();

    public void append(byte[] leafHash) {
        frontier.append(leafHash, this::keep);
    }

    public long size() {
        return frontier.size();
    }

    public byte[] root() {
        return frontier.root();
    }

    public byte[] leaf(long index) {
        return hash(new Node(0, index));
    }

    public Proofs proofs() {
        return new Proofs(this);
    }

    @Override
    public Map<Node, byte[]> hashes(Collection<Node> nodes) {
        Map<Node, byte[]> hashes = new HashMap<>();
        for (Node node : nodes) {
            hashes.put(node, hash(node));
        }
        return hashes;
    }

    private byte[] hash(Node node) {
        if (node.level() >= levels.size() || node.index() >= levels.get(node.level()).count) {
            throw new IllegalStateException("the tree of " + size() + " leaves has no " + node);
        }
        return levels.get(node.level()).get(node.index());
    }

    private void keep(Node node, byte[] hash) {
        if (node.level() == levels.size()) {
            levels.add(new Level());
        }
        levels.get(node.level()).add(hash);
    }

    /** One level's hashes back to back in one growing array: no object per hash. */
    private static final class Level {
        private byte[] bytes = new byte[Hashes.SIZE * 1024];
        private long count;

        void add(byte[] hash) {
            long offset = count * Hashes.SIZE;
            if (offset + Hashes.SIZE > bytes.length) {
                if (bytes.length > Integer.MAX_VALUE / 2) {
                    throw new IllegalStateException("more leaves than one tree in memory can hold");
                }
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            System.arraycopy(hash, 0, bytes, (int) offset, Hashes.SIZE);
            count++;
        }

        byte[] get(long index) {
            int offset = (int) (index * Hashes.SIZE);
            return Arrays.copyOfRange(bytes, offset, offset + Hashes.SIZE);
        }
    }
}
