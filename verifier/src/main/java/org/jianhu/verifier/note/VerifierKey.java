package org.jianhu.verifier.note;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An Ed25519 note verifier key in C2SP's {@code vkey} form: {@code <name>+<hex key id>+base64(0x01 || public key)},
 * the key id being the first four bytes of {@code SHA-256(name || 0x0A || 0x01 || public key)}.
 */
public final class VerifierKey {

    static final byte ED25519 = 0x01;
    /** DER of an Ed25519 SubjectPublicKeyInfo up to the 32 key bytes (RFC 8410), as the JDK reads public keys. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int KEY_SIZE = 32;

    private final String name;
    private final int id;
    private final byte[] rawKey;
    private final PublicKey publicKey;

    private VerifierKey(String name, byte[] rawKey) {
        if (!KeyNames.isValid(name)) {
            throw new MalformedNote("a key name is not empty and has no spaces or plus signs: '" + name + "'");
        }
        this.name = name;
        this.rawKey = rawKey.clone();
        this.id = keyId(name, rawKey);
        this.publicKey = publicKey(rawKey);
    }

    public static VerifierKey of(String name, PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())
                || encoded.length != X509_PREFIX.length + KEY_SIZE) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return new VerifierKey(name, Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length));
    }

    public static VerifierKey parse(String vkey) {
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3 || parts[1].length() != 8) {
            throw new MalformedNote("a verifier key is <name>+<8 hex digits>+<base64 key>");
        }
        byte[] material;
        int declaredId;
        try {
            declaredId = (int) Long.parseLong(parts[1], 16);
            material = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException unreadable) {
            throw new MalformedNote("a verifier key is <name>+<8 hex digits>+<base64 key>");
        }
        if (material.length != 1 + KEY_SIZE || material[0] != ED25519) {
            throw new MalformedNote("only Ed25519 verifier keys (type 0x01, 32 bytes) are known here");
        }
        VerifierKey key = new VerifierKey(parts[0], Arrays.copyOfRange(material, 1, material.length));
        if (key.id != declaredId) {
            throw new MalformedNote("the key id " + parts[1] + " is not the id of this name and key");
        }
        return key;
    }

    public String name() {
        return name;
    }

    public int id() {
        return id;
    }

    /** The key as it is published: {@code name+id+key}. */
    public String encoded() {
        byte[] material = new byte[1 + KEY_SIZE];
        material[0] = ED25519;
        System.arraycopy(rawKey, 0, material, 1, KEY_SIZE);
        return name + "+" + String.format("%08x", id) + "+" + Base64.getEncoder().encodeToString(material);
    }

    /**
     * Whether this key signed the note. Signatures of other keys are ignored, as the note specification wants
     * (witnesses may cosign); a signature that names this key and does not verify is a failure.
     *
     * @return why the note is not signed by this key, or nothing when it is
     */
    public Optional<String> fault(SignedNote note) {
        List<NoteSignature> ours = note.signatures().stream()
                .filter(signature -> signature.keyName().equals(name) && signature.keyId() == id)
                .toList();
        if (ours.isEmpty()) {
            return Optional.of("it carries no signature of the key " + name + "+" + String.format("%08x", id));
        }
        for (NoteSignature signature : ours) {
            if (!verifies(note.text(), signature.signature())) {
                return Optional.of("its signature by " + name + " does not verify: the text was changed or the "
                        + "signature forged");
            }
        }
        return Optional.empty();
    }

    public boolean verifies(SignedNote note) {
        return fault(note).isEmpty();
    }

    static int keyId(String name, byte[] rawKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(ED25519);
            byte[] hash = sha256.digest(rawKey);
            return ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private boolean verifies(String text, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(publicKey);
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(signature);
        } catch (GeneralSecurityException malformed) {
            return false;
        }
    }

    private static PublicKey publicKey(byte[] rawKey) {
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_SIZE);
        System.arraycopy(rawKey, 0, encoded, X509_PREFIX.length, KEY_SIZE);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException notAKey) {
            throw new MalformedNote("not an Ed25519 public key");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey that && name.equals(that.name) && Arrays.equals(rawKey, that.rawKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(rawKey);
    }

    @Override
    public String toString() {
        return encoded();
    }
}
