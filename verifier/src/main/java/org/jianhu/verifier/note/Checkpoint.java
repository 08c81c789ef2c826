package org.jianhu.verifier.note;

import org.jianhu.verifier.tree.Hashes;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A C2SP checkpoint, the text of a signed note: the log's origin, its tree size and the root hash at that size,
 * one per line. Our log writes no extension lines, and a checkpoint with any is refused: nothing it says could be
 * audited.
 */
public record Checkpoint(String origin, long size, byte[] root) {

    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        if (!KeyNames.isValid(origin)) {
            throw new MalformedNote("an origin is not empty and has no spaces or plus signs: '" + origin + "'");
        }
        if (size < 0 || !Hashes.isHash(root)) {
            throw new MalformedNote("a checkpoint has a size of 0 or more and a 32-byte root");
        }
        root = root.clone();
    }

    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length != 4 || !lines[3].isEmpty()) {
            throw new MalformedNote("a checkpoint is three lines (origin, size, root hash), each ending in a newline");
        }
        if (!SIZE.matcher(lines[1]).matches()) {
            throw new MalformedNote("a checkpoint's size is a decimal number without leading zeros: " + lines[1]);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException notBase64) {
            throw new MalformedNote("a checkpoint's root is a base64 hash: " + lines[2]);
        }
        try {
            return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
        } catch (NumberFormatException tooLarge) {
            throw new MalformedNote("a checkpoint's size is too large: " + lines[1]);
        }
    }

    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && size == that.size
                && Hashes.same(root, that.root);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + Long.hashCode(size);
    }

    @Override
    public String toString() {
        return "checkpoint of " + origin + " at size " + size;
    }
}
