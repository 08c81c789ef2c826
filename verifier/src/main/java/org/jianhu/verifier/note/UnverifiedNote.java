package org.jianhu.verifier.note;

/** A note that is well formed but not signed by the key it must be signed by. */
public class UnverifiedNote extends RuntimeException {

    public UnverifiedNote(String message) {
        super(message);
    }
}
