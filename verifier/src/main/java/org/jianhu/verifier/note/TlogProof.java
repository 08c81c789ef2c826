package org.jianhu.verifier.note;

import org.jianhu.verifier.tree.Hashes;
import org.jianhu.verifier.tree.InclusionProof;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A C2SP {@code tlog-proof} file: that one entry is in the log, offline. The header line, an optional {@code extra}
 * line (for us: the entry's leaf encoding, so its reader can hash it again), the entry's index, its inclusion proof
 * one hash a line, a blank line, and the signed checkpoint the proof leads to, verbatim.
 */
public record TlogProof(byte[] extra, long index, List<byte[]> proof, String checkpointNote) {

    static final String HEADER = "c2sp.org/tlog-proof@v1";
    private static final Pattern INDEX = Pattern.compile("index (0|[1-9][0-9]{0,18})");

    public TlogProof {
        proof = List.copyOf(proof);
    }

    public String encoded() {
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        if (extra != null) {
            file.append("extra ").append(Base64.getEncoder().encodeToString(extra)).append('\n');
        }
        file.append("index ").append(index).append('\n');
        proof.forEach(hash -> file.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
        return file.append('\n').append(checkpointNote).toString();
    }

    public static TlogProof parse(String file) {
        int blank = file.indexOf("\n\n");
        if (blank < 0) {
            throw new MalformedNote("a tlog-proof is its lines, a blank line and the checkpoint");
        }
        String[] lines = file.substring(0, blank).split("\n", -1);
        int at = 0;
        if (!HEADER.equals(lines[at++])) {
            throw new MalformedNote("a tlog-proof starts with the line " + HEADER);
        }
        byte[] extra = null;
        if (at < lines.length && lines[at].startsWith("extra ")) {
            extra = base64(lines[at++].substring("extra ".length()), "extra data");
        }
        if (at >= lines.length || !INDEX.matcher(lines[at]).matches()) {
            throw new MalformedNote("a tlog-proof names the entry's index: index <decimal>");
        }
        long index = Long.parseLong(lines[at++].substring("index ".length()));
        List<byte[]> proof = new ArrayList<>();
        while (at < lines.length) {
            byte[] hash = base64(lines[at++], "a proof hash");
            if (!Hashes.isHash(hash)) {
                throw new MalformedNote("a proof hash has " + Hashes.SIZE + " bytes");
            }
            proof.add(hash);
        }
        return new TlogProof(extra, index, proof, file.substring(blank + 2));
    }

    /** The inclusion proof within the tree the checkpoint signs. */
    public InclusionProof inclusion(Checkpoint checkpoint) {
        return new InclusionProof(index, checkpoint.size(), proof);
    }

    private static byte[] base64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            throw new MalformedNote(what + " is not base64");
        }
    }
}
