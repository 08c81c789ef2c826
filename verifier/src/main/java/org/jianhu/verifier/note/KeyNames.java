package org.jianhu.verifier.note;

/** A key name (and a checkpoint's origin, which names its log's key): non-empty, no spaces, no plus. */
final class KeyNames {

    private KeyNames() {
    }

    static boolean isValid(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        return name.codePoints().noneMatch(c -> c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c < 0x20);
    }
}
