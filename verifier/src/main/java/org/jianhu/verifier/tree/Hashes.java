package org.jianhu.verifier.tree;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * RFC 6962 / RFC 9162 hashing with SHA-256: a leaf is {@code SHA-256(0x00 || data)}, an inner node
 * {@code SHA-256(0x01 || left || right)}, the empty tree {@code SHA-256()}. The prefixes keep a leaf from ever
 * passing for a node.
 */
public final class Hashes {

    /** Every hash of the tree, of a proof or of a checkpoint is this long; anything else is no hash of ours. */
    public static final int SIZE = 32;

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Hashes::sha256);

    private Hashes() {
    }

    public static byte[] leaf(byte[] data) {
        MessageDigest digest = SHA_256.get();
        digest.update((byte) 0x00);
        return digest.digest(data);
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = SHA_256.get();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }

    public static byte[] emptyTree() {
        return SHA_256.get().digest();
    }

    public static boolean isHash(byte[] candidate) {
        return candidate != null && candidate.length == SIZE;
    }

    /** Compares in constant time, so that a caller learns nothing from how long a comparison took. */
    public static boolean same(byte[] one, byte[] other) {
        return one != null && other != null && MessageDigest.isEqual(one, other);
    }

    static byte[] copy(byte[] hash) {
        return Arrays.copyOf(hash, hash.length);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
