package org.jianhu.verifier.note;

/** Text that is not a signed note, a checkpoint or a verifier key as C2SP defines them. */
public class MalformedNote extends RuntimeException {

    public MalformedNote(String message) {
        super(message);
    }
}
