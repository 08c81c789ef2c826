package org.jianhu.verifier.tree;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our tree against the hashes of transparency-dev/merkle's constants (the eight leaf inputs, every complete
 * subtree, the root of every size 0-8, the compact range of every size), and our proofs against our verification
 * for every leaf and every pair of sizes of larger trees.
 */
class MerkleTreeTest {

    private static final List<byte[]> LEAF_INPUTS = Vectors.constants("LeafInputs");
    private static final List<byte[]> ROOTS = rootsWithTheEmptyOne();

    @Test
    void theEmptyTreesRootIsTheHashOfNothing() {
        assertThat(Hashes.emptyTree()).isEqualTo(HexFormat.of()
                .parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThat(new MemoryTree().root()).isEqualTo(Hashes.emptyTree());
        assertThat(new MemoryTree().proofs().root(0)).isEqualTo(Hashes.emptyTree());
    }

    @Test
    void everyRootOfTheEightLeavesIsTheLibrarysRoot() {
        MemoryTree tree = new MemoryTree();
        for (int size = 1; size <= LEAF_INPUTS.size(); size++) {
            tree.append(Hashes.leaf(LEAF_INPUTS.get(size - 1)));
            assertThat(tree.root()).as("root of %d leaves", size).isEqualTo(ROOTS.get(size));
        }
        for (int size = 0; size <= LEAF_INPUTS.size(); size++) {
            assertThat(tree.proofs().root(size)).as("root of the first %d leaves", size).isEqualTo(ROOTS.get(size));
        }
    }

    @Test
    void everyCompleteSubtreeIsTheLibrarysNodeHash() {
        MemoryTree tree = treeOf(LEAF_INPUTS.size());
        List<byte[]> nodeHashes = Vectors.constants("NodeHashes");
        int at = 0;
        for (int level = 0; level <= 3; level++) {
            for (long index = 0; index < 8 >> level; index++) {
                Node node = new Node(level, index);
                assertThat(tree.hashes(List.of(node)).get(node)).as(node.toString()).isEqualTo(nodeHashes.get(at++));
            }
        }
        assertThat(at).isEqualTo(nodeHashes.size());
    }

    @Test
    void theFrontierOfEachSizeIsTheLibrarysCompactRange() {
        List<byte[]> nodeHashes = Vectors.constants("NodeHashes");
        // CompactTrees() of the constants, as indices into NodeHashes() read level by level
        int[][] compact = {{}, {0}, {8}, {8, 2}, {12}, {12, 4}, {12, 10}, {12, 10, 6}, {14}};
        Frontier frontier = Frontier.empty();
        for (int size = 0; size <= 8; size++) {
            assertThat(frontier.edge()).as("frontier of %d leaves", size)
                    .containsExactly(java.util.Arrays.stream(compact[size]).mapToObj(nodeHashes::get)
                            .toArray(byte[][]::new));
            if (size < 8) {
                frontier.append(Hashes.leaf(LEAF_INPUTS.get(size)), (node, hash) -> {
                });
            }
        }
    }

    @Test
    void aStoredFrontierGoesOnAsIfNeverInterrupted() {
        MemoryTree whole = treeOf(8);
        MemoryTree firstFive = treeOf(5);
        Frontier resumed = Frontier.of(5, firstFive.hashes(Frontier.nodesAt(5)));
        List<Node> completed = new ArrayList<>();

        for (int leaf = 5; leaf < 8; leaf++) {
            resumed.append(Hashes.leaf(LEAF_INPUTS.get(leaf)), (node, hash) -> {
                completed.add(node);
                assertThat(hash).isEqualTo(whole.hashes(List.of(node)).get(node));
            });
        }

        assertThat(resumed.root()).isEqualTo(whole.root());
        assertThat(completed).containsExactly(new Node(0, 5), new Node(1, 2), new Node(0, 6), new Node(0, 7),
                new Node(1, 3), new Node(2, 1), new Node(3, 0));
    }

    @Test
    void everyInclusionProofOfEveryLeafOfEverySizeVerifies() {
        MemoryTree tree = syntheticTree(70);
        Proofs proofs = tree.proofs();
        for (long size = 1; size <= 70; size++) {
            byte[] root = proofs.root(size);
            for (long leaf = 0; leaf < size; leaf++) {
                InclusionProof proof = new InclusionProof(leaf, size, proofs.inclusion(leaf, size));
                assertThat(proof.fault(tree.leaf(leaf), root)).as("leaf %d of %d", leaf, size).isEmpty();
                assertThat(proof.fault(tree.leaf((leaf + 1) % 70), root)).as("another leaf").isPresent();
            }
        }
    }

    @Test
    void everyConsistencyProofBetweenEveryTwoSizesVerifies() {
        MemoryTree tree = syntheticTree(70);
        Proofs proofs = tree.proofs();
        for (long from = 1; from <= 70; from++) {
            for (long to = from; to <= 70; to++) {
                ConsistencyProof proof = new ConsistencyProof(from, to, proofs.consistency(from, to));
                assertThat(proof.fault(proofs.root(from), proofs.root(to))).as("%d to %d", from, to).isEmpty();
                if (from < to) {
                    assertThat(proof.fault(proofs.root(from - 1 == 0 ? 2 : from - 1), proofs.root(to)))
                            .as("%d to %d from another root", from, to).isPresent();
                }
            }
        }
    }

    @Test
    void aProofWithAnyHashChangedNoLongerVerifies() {
        MemoryTree tree = syntheticTree(37);
        Proofs proofs = tree.proofs();
        List<byte[]> inclusion = proofs.inclusion(21, 37);
        List<byte[]> consistency = proofs.consistency(13, 37);
        for (int i = 0; i < inclusion.size(); i++) {
            assertThat(new InclusionProof(21, 37, flipped(inclusion, i)).fault(tree.leaf(21), tree.root()))
                    .isPresent();
        }
        for (int i = 0; i < consistency.size(); i++) {
            assertThat(new ConsistencyProof(13, 37, flipped(consistency, i)).fault(proofs.root(13), tree.root()))
                    .isPresent();
        }
    }

    @Test
    void noProofIsMadeOutsideTheTree() {
        Proofs proofs = syntheticTree(5).proofs();

        assertThatThrownBy(() -> proofs.inclusion(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> proofs.consistency(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> proofs.consistency(4, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> proofs.root(6)).isInstanceOf(IllegalStateException.class);
    }

    private static List<byte[]> flipped(List<byte[]> proof, int which) {
        List<byte[]> changed = new ArrayList<>(proof);
        byte[] hash = changed.get(which).clone();
        hash[7] ^= 0x10;
        changed.set(which, hash);
        return changed;
    }

    private static MemoryTree treeOf(int leaves) {
        MemoryTree tree = new MemoryTree();
        LEAF_INPUTS.stream().limit(leaves).forEach(input -> tree.append(Hashes.leaf(input)));
        return tree;
    }

    private static MemoryTree syntheticTree(int leaves) {
        MemoryTree tree = new MemoryTree();
        for (int i = 0; i < leaves; i++) {
            tree.append(Hashes.leaf(("leaf " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return tree;
    }

    private static List<byte[]> rootsWithTheEmptyOne() {
        // RootHashes() starts with EmptyRootHash(), a call rather than a literal
        List<byte[]> roots = new ArrayList<>();
        roots.add(Vectors.constants("EmptyRootHash").get(0));
        roots.addAll(Vectors.constants("RootHashes"));
        return roots;
    }
}
