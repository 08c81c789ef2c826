package org.jianhu.verifier.note;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.List;

/** Signs note texts with an Ed25519 key under a key name: what a log does to its checkpoints. */
public final class NoteSigner {

    private final KeyPair keys;
    private final VerifierKey verifierKey;

    public NoteSigner(String keyName, KeyPair keys) {
        this.keys = keys;
        this.verifierKey = VerifierKey.of(keyName, keys.getPublic());
    }

    public VerifierKey verifierKey() {
        return verifierKey;
    }

    public SignedNote sign(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a note's text ends in a newline");
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(keys.getPrivate());
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            NoteSignature signature = new NoteSignature(verifierKey.name(), verifierKey.id(), ed25519.sign());
            return new SignedNote(text, List.of(signature));
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("could not sign with the log's Ed25519 key", failed);
        }
    }
}
