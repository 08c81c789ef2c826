package org.jianhu.verifier.tree;

import java.util.List;
import java.util.Optional;

/**
 * That the leaf at {@code leafIndex} is in the tree of {@code treeSize} leaves with a given root: the audit path of
 * RFC 6962 section 2.1.1, checked as RFC 9162 section 2.1.3.2 does. What we refuse beyond the RFC: anything but a
 * 32-byte hash anywhere, and an index outside the tree (so no leaf is ever in an empty tree).
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> hashes) {

    public InclusionProof {
        hashes = List.copyOf(hashes);
    }

    /** @return why the proof does not bind this leaf hash to this root, or nothing when it does */
    public Optional<String> fault(byte[] leafHash, byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return Optional.of("leaf " + leafIndex + " is not in a tree of " + treeSize + " leaves");
        }
        if (!Hashes.isHash(leafHash) || !Hashes.isHash(root) || !hashes.stream().allMatch(Hashes::isHash)) {
            return Optional.of("every hash of an inclusion proof has " + Hashes.SIZE + " bytes");
        }
        PathWalk walk = new PathWalk(leafIndex, treeSize - 1);
        byte[] computed = leafHash;
        for (byte[] sibling : hashes) {
            if (walk.atRoot()) {
                return Optional.of("the proof has more hashes than the tree has levels");
            }
            if (walk.siblingIsLeft()) {
                computed = Hashes.node(sibling, computed);
                walk.passLevelsWithoutSibling();
            } else {
                computed = Hashes.node(computed, sibling);
            }
            walk.up();
        }
        if (!walk.atRoot()) {
            return Optional.of("the proof has fewer hashes than the tree has levels");
        }
        return Hashes.same(computed, root) ? Optional.empty()
                : Optional.of("the leaf and the proof do not lead to the root");
    }
}
