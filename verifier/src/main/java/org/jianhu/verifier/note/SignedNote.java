package org.jianhu.verifier.note;

import java.util.ArrayList;
import java.util.List;

/**
 * A C2SP signed note: text ending in a newline, a blank line, then one or more signature lines. Only the text is
 * signed. Nothing in the text may be believed before a trusted key's signature on it is verified
 * ({@link VerifierKey#verifies}).
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    /** Notes are small; this many signatures is far more than a log and its witnesses ever put on one. */
    static final int MAX_SIGNATURES = 100;

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    public static SignedNote parse(String note) {
        if (note.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new MalformedNote("a note holds no control characters but newlines");
        }
        int separator = note.lastIndexOf("\n\n");
        if (separator < 0 || !note.endsWith("\n")) {
            throw new MalformedNote("a note is its text, a blank line and its signature lines, each ending in a newline");
        }
        if (separator + 2 == note.length()) {
            throw new MalformedNote("a note carries at least one signature");
        }
        String text = note.substring(0, separator + 1);
        String[] lines = note.substring(separator + 2, note.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new MalformedNote("a note with more than " + MAX_SIGNATURES + " signatures");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : lines) {
            signatures.add(NoteSignature.parse(line));
        }
        return new SignedNote(text, signatures);
    }

    /** The note as it is written and read: text, blank line, signature lines. */
    public String encoded() {
        StringBuilder note = new StringBuilder(text).append('\n');
        signatures.forEach(signature -> note.append(signature.line()).append('\n'));
        return note.toString();
    }
}
