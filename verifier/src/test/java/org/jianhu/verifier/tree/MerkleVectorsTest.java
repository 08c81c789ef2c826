package org.jianhu.verifier.tree;

import org.jianhu.verifier.tree.Vectors.Vector;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every proof vector of transparency-dev/merkle, run through our own verification, expecting what the vector
 * expects, except where we decided otherwise (listed below with the reason).
 *
 * <p>Our choices on degenerate input: every hash has 32 bytes (the library compares whatever bytes it is given, so
 * two equal 12-byte "roots" of equal trees pass there); nothing is proved from or in an empty tree (the library
 * agrees for ordinary proofs but accepts an empty subtree).
 *
 * <p>Subtrees (the Merkle Tree Certificates draft): our checkpoints always sign the whole tree, from leaf 0. A subtree
 * starting at leaf 0 is a whole tree, so those vectors are ordinary proofs. A subtree starting later is the tree
 * of its own leaves once it is valid (its start a multiple of the power of two at or above its size), so its
 * inclusion vectors are ordinary inclusion proofs within it. Consistency of a subtree starting later is not
 * something we prove; the test asserts that no such vector is a valid, non-empty subtree we would leave untested.
 */
class MerkleVectorsTest {

    /** Vectors the library accepts and we refuse, and why. */
    private static final Map<String, String> WE_REFUSE = Map.of(
            "consistency/additional/sizes-are-equal-one-and-proof-is-empty.json",
            "its equal 'roots' are 12 bytes, no hash",
            "subtreeconsistency/additional/sizes-are-equal-one-and-proof-is-empty.json",
            "its equal 'roots' are 12 bytes, no hash",
            "subtreeconsistency/additional/subtree-is-empty-sizes-are-equal-zero-subtree-root-valid-proof-is-empty.json",
            "an empty tree proves nothing",
            "subtreeconsistency/additional/"
                    + "subtree-is-empty-sizes-are-equal-zero-subtree-root-valid-tree-root-random-proof-is-empty.json",
            "an empty tree proves nothing");

    @TestFactory
    Stream<DynamicTest> everyInclusionVector() {
        return tests(Vectors.under("inclusion"), vector -> new InclusionProof(vector.number("leafIdx"),
                vector.number("treeSize"), vector.proof()).fault(vector.hash("leafHash"), vector.hash("root")));
    }

    @TestFactory
    Stream<DynamicTest> everyConsistencyVector() {
        return tests(Vectors.under("consistency"), vector -> new ConsistencyProof(vector.number("size1"),
                vector.number("size2"), vector.proof()).fault(vector.hash("root1"), vector.hash("root2")));
    }

    @TestFactory
    Stream<DynamicTest> everySubtreeInclusionVectorAsInclusionInTheSubtreesOwnTree() {
        return tests(Vectors.under("subtreeinclusion"), vector -> {
            long start = vector.number("start");
            long end = vector.number("end");
            long leaf = vector.number("leafIdx");
            if (!isValidSubtree(start, end) || leaf < start) {
                return Optional.of("not a leaf of a valid subtree");
            }
            return new InclusionProof(leaf - start, end - start, vector.proof())
                    .fault(vector.hash("leafHash"), vector.hash("root"));
        });
    }

    @TestFactory
    Stream<DynamicTest> everySubtreeConsistencyVectorFromLeafZeroAsAConsistencyProof() {
        return tests(Vectors.under("subtreeconsistency").stream().filter(vector -> vector.number("start") == 0)
                .toList(), vector -> new ConsistencyProof(vector.number("end"), vector.number("size"),
                vector.proof()).fault(vector.hash("root1"), vector.hash("root2")));
    }

    @Test
    void subtreeConsistencyVectorsStartingLaterAreAllInvalidOrEmptySubtrees() {
        List<Vector> later = Vectors.under("subtreeconsistency").stream()
                .filter(vector -> vector.number("start") != 0).toList();

        assertThat(later).hasSize(16).allSatisfy(vector -> {
            long start = vector.number("start");
            long end = vector.number("end");
            assertThat(start == end || !isValidSubtree(start, end)).as(vector.name()).isTrue();
            assertThat(start < end && vector.wantErr() || start == end).as(vector.name()).isTrue();
        });
    }

    @Test
    void everyVectorWeDecideOtherwiseIsOneWeRunAndOneTheLibraryAccepts() {
        List<Vector> run = Stream.of(Vectors.under("inclusion"), Vectors.under("consistency"),
                Vectors.under("subtreeinclusion"), Vectors.under("subtreeconsistency").stream()
                        .filter(vector -> vector.number("start") == 0).toList()).flatMap(List::stream).toList();

        assertThat(run.stream().filter(vector -> WE_REFUSE.containsKey(vector.name())))
                .hasSize(WE_REFUSE.size())
                .noneMatch(Vector::wantErr);
    }

    @Test
    void thereAreAsManyVectorsAsTheLibraryShips() {
        assertThat(Vectors.under("inclusion")).hasSize(98);
        assertThat(Vectors.under("consistency")).hasSize(98);
        assertThat(Vectors.under("subtreeinclusion")).hasSize(204);
        assertThat(Vectors.under("subtreeconsistency")).hasSize(118);
    }

    /** The Merkle Tree Certificates draft's rule: start before end, start a multiple of BIT_CEIL(end - start). */
    private static boolean isValidSubtree(long start, long end) {
        if (start >= end) {
            return false;
        }
        long size = end - start;
        long bitCeil = Long.bitCount(size) == 1 ? size : Long.highestOneBit(size) << 1;
        return start % bitCeil == 0;
    }

    private interface Check {
        Optional<String> fault(Vector vector);
    }

    private static Stream<DynamicTest> tests(List<Vector> vectors, Check check) {
        assertThat(vectors).isNotEmpty();
        return vectors.stream().map(vector -> DynamicTest.dynamicTest(vector.name(), () -> {
            boolean refused = WE_REFUSE.containsKey(vector.name()) || vector.wantErr();
            assertThat(check.fault(vector).isPresent())
                    .as("%s: %s", vector.name(),
                            WE_REFUSE.getOrDefault(vector.name(), String.valueOf(vector.fields().get("desc"))))
                    .isEqualTo(refused);
        }));
    }
}
