package org.jianhu.verifier.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * That the tree of {@code fromSize} leaves is a prefix of the tree of {@code toSize} leaves: RFC 6962 section
 * 2.1.2, checked as RFC 9162 section 2.1.4.2 does. Our choices where the RFCs leave it open: every hash has 32
 * bytes; from an empty tree nothing is proved (an empty checkpoint is never signed, and any tree would "extend"
 * it); equal sizes need an empty proof and equal roots.
 */
public record ConsistencyProof(long fromSize, long toSize, List<byte[]> hashes) {

    public ConsistencyProof {
        hashes = List.copyOf(hashes);
    }

    /** @return why the proof does not show {@code toRoot}'s tree extending {@code fromRoot}'s, or nothing */
    public Optional<String> fault(byte[] fromRoot, byte[] toRoot) {
        if (fromSize < 1) {
            return Optional.of("a consistency proof starts from a tree of at least one leaf");
        }
        if (fromSize > toSize) {
            return Optional.of("a tree of " + toSize + " leaves cannot extend one of " + fromSize);
        }
        if (!Hashes.isHash(fromRoot) || !Hashes.isHash(toRoot) || !hashes.stream().allMatch(Hashes::isHash)) {
            return Optional.of("every hash of a consistency proof has " + Hashes.SIZE + " bytes");
        }
        if (fromSize == toSize) {
            if (!hashes.isEmpty()) {
                return Optional.of("trees of the same size need an empty proof");
            }
            return Hashes.same(fromRoot, toRoot) ? Optional.empty()
                    : Optional.of("two trees of " + fromSize + " leaves with different roots");
        }
        List<byte[]> path = new ArrayList<>(hashes);
        if (Long.bitCount(fromSize) == 1) {
            path.add(0, fromRoot);
        }
        if (path.isEmpty()) {
            return Optional.of("the proof is empty");
        }
        // the walk from the older tree's last leaf; its lowest levels where that leaf is a right child are
        // inside a complete subtree the older tree shares, whose hash the proof starts with
        PathWalk walk = new PathWalk(fromSize - 1, toSize - 1);
        while (walk.isRightChild()) {
            walk.up();
        }
        byte[] fromComputed = path.get(0);
        byte[] toComputed = path.get(0);
        for (byte[] hash : path.subList(1, path.size())) {
            if (walk.atRoot()) {
                return Optional.of("the proof has more hashes than the trees have levels");
            }
            if (walk.siblingIsLeft()) {
                fromComputed = Hashes.node(hash, fromComputed);
                toComputed = Hashes.node(hash, toComputed);
                walk.passLevelsWithoutSibling();
            } else {
                toComputed = Hashes.node(toComputed, hash);
            }
            walk.up();
        }
        if (!walk.atRoot()) {
            return Optional.of("the proof has fewer hashes than the trees have levels");
        }
        if (!Hashes.same(fromComputed, fromRoot)) {
            return Optional.of("the proof does not lead to the older root");
        }
        return Hashes.same(toComputed, toRoot) ? Optional.empty()
                : Optional.of("the proof does not lead to the newer root");
    }
}
