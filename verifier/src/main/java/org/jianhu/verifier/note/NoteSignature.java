package org.jianhu.verifier.note;

import java.util.Arrays;
import java.util.Base64;

/**
 * One signature line of a signed note, {@code — <key name> base64(key id || signature)}: the key is named by its
 * name and its 32-bit id, never by the name alone.
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

    static final String PREFIX = "\u2014 ";

    static NoteSignature parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new MalformedNote("a signature line starts with an em dash and a space: " + line);
        }
        String[] parts = line.substring(PREFIX.length()).split(" ", -1);
        if (parts.length != 2 || !KeyNames.isValid(parts[0])) {
            throw new MalformedNote("a signature line is a key name and a base64 signature: " + line);
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException notBase64) {
            throw new MalformedNote("the signature of " + parts[0] + " is not base64");
        }
        if (decoded.length < 5) {
            throw new MalformedNote("the signature of " + parts[0] + " is too short to carry a key id");
        }
        int keyId = ((decoded[0] & 0xff) << 24) | ((decoded[1] & 0xff) << 16) | ((decoded[2] & 0xff) << 8)
                | (decoded[3] & 0xff);
        return new NoteSignature(parts[0], keyId, Arrays.copyOfRange(decoded, 4, decoded.length));
    }

    String line() {
        byte[] encoded = new byte[4 + signature.length];
        encoded[0] = (byte) (keyId >>> 24);
        encoded[1] = (byte) (keyId >>> 16);
        encoded[2] = (byte) (keyId >>> 8);
        encoded[3] = (byte) keyId;
        System.arraycopy(signature, 0, encoded, 4, signature.length);
        return PREFIX + keyName + " " + Base64.getEncoder().encodeToString(encoded);
    }
}
