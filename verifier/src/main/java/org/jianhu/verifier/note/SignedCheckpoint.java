package org.jianhu.verifier.note;

/**
 * A checkpoint together with the note it was read from, believed only once the log's key has verified it: a
 * checkpoint of our log is signed by the key whose name is the log's origin.
 */
public record SignedCheckpoint(Checkpoint checkpoint, SignedNote note) {

    /**
     * @throws MalformedNote  when the text is no signed checkpoint
     * @throws UnverifiedNote when the log's key did not sign it, or it is another log's
     */
    public static SignedCheckpoint verify(String encoded, VerifierKey logKey) {
        SignedNote note = SignedNote.parse(encoded);
        logKey.fault(note).ifPresent(fault -> {
            throw new UnverifiedNote(fault);
        });
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        if (!checkpoint.origin().equals(logKey.name())) {
            throw new UnverifiedNote("it is a checkpoint of " + checkpoint.origin() + ", not of " + logKey.name());
        }
        return new SignedCheckpoint(checkpoint, note);
    }

    public long size() {
        return checkpoint.size();
    }

    public byte[] root() {
        return checkpoint.root();
    }
}
