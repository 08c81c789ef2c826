package org.jianhu.verifier.export;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of JSON (RFC 8259), small enough to read in one sitting, so that the verifier needs no library.
 * Objects are {@code Map<String, Object>} in their order, arrays {@code List<Object>}, strings {@code String},
 * numbers {@code BigDecimal} exactly as written, {@code true}/{@code false} {@code Boolean}, null {@link #NULL}.
 * Refused: trailing content, a key twice, control characters in strings, nesting deeper than 64.
 */
public final class Json {

    /** JSON's null (a map cannot hold Java's). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final int MAX_DEPTH = 64;

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    public static Object parse(String text) {
        Json json = new Json(text);
        json.whitespace();
        Object value = json.value(0);
        json.whitespace();
        if (json.at != text.length()) {
            throw json.refuse("content after the JSON value");
        }
        return value;
    }

    /** Reads UTF-8 bytes, refusing any that are not. */
    public static Object parse(byte[] utf8) {
        try {
            return parse(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString());
        } catch (CharacterCodingException notUtf8) {
            throw new MalformedJson("not UTF-8");
        }
    }

    /**
     * Whether two values say the same: objects with the same keys (in any order) and values, arrays alike element by
     * element, numbers of the same value however written ({@code 12.50} and {@code 12.5}), strings alike. A key
     * whose value is null is no key: the export leaves such keys out of the metadata it re-serialises.
     */
    public static boolean same(Object one, Object other) {
        if (one == null || other == null) {
            return one == other;
        }
        if (one instanceof BigDecimal a && other instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        if (one instanceof Map<?, ?> a && other instanceof Map<?, ?> b) {
            return keysWithValues(a).equals(keysWithValues(b)) && keysWithValues(a).stream()
                    .allMatch(key -> same(a.get(key), b.get(key)));
        }
        if (one instanceof List<?> a && other instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return one.equals(other);
    }

    private static java.util.Set<Object> keysWithValues(Map<?, ?> object) {
        java.util.Set<Object> keys = new java.util.HashSet<>();
        object.forEach((key, value) -> {
            if (value != NULL) {
                keys.add(key);
            }
        });
        return keys;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw refuse("nested deeper than " + MAX_DEPTH);
        }
        if (at >= text.length()) {
            throw refuse("a value is missing");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        at++;
        whitespace();
        if (peek('}')) {
            at++;
            return object;
        }
        while (true) {
            whitespace();
            if (!peek('"')) {
                throw refuse("an object's key is a string");
            }
            String key = string();
            whitespace();
            expect(':');
            whitespace();
            if (object.put(key, value(depth + 1)) != null) {
                throw refuse("the key '" + key + "' twice in one object");
            }
            whitespace();
            if (peek(',')) {
                at++;
            } else {
                expect('}');
                return object;
            }
        }
    }

    private List<Object> array(int depth) {
        List<Object> array = new ArrayList<>();
        at++;
        whitespace();
        if (peek(']')) {
            at++;
            return array;
        }
        while (true) {
            whitespace();
            array.add(value(depth + 1));
            whitespace();
            if (peek(',')) {
                at++;
            } else {
                expect(']');
                return array;
            }
        }
    }

    private String string() {
        at++;
        StringBuilder string = null;
        int runStart = at;
        while (true) {
            if (at >= text.length()) {
                throw refuse("a string does not end");
            }
            char c = text.charAt(at);
            if (c == '"') {
                String run = text.substring(runStart, at++);
                return string == null ? run : string.append(run).toString();
            }
            if (c < 0x20) {
                throw refuse("a control character inside a string");
            }
            if (c == '\\') {
                if (string == null) {
                    string = new StringBuilder();
                }
                string.append(text, runStart, at);
                string.append(escape());
                runStart = at;
            } else {
                at++;
            }
        }
    }

    private char escape() {
        at++;
        if (at >= text.length()) {
            throw refuse("a string does not end");
        }
        char c = text.charAt(at++);
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicode();
            default -> throw refuse("no escape \\" + c);
        };
    }

    private char unicode() {
        if (at + 4 > text.length()) {
            throw refuse("\\u takes four hex digits");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(at, at + 4), 16);
            at += 4;
            return c;
        } catch (NumberFormatException notHex) {
            throw refuse("\\u takes four hex digits");
        }
    }

    private BigDecimal number() {
        int start = at;
        if (peek('-')) {
            at++;
        }
        if (peek('0')) {
            at++;
        } else if (!digits()) {
            throw refuse("not a JSON value");
        }
        if (peek('.')) {
            at++;
            if (!digits()) {
                throw refuse("a number's fraction has digits");
            }
        }
        if (peek('e') || peek('E')) {
            at++;
            if (peek('+') || peek('-')) {
                at++;
            }
            if (!digits()) {
                throw refuse("a number's exponent has digits");
            }
        }
        return new BigDecimal(text.substring(start, at));
    }

    private boolean digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at > start;
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw refuse("not a JSON value");
        }
        at += word.length();
        return value;
    }

    private void whitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw refuse("'" + c + "' expected");
        }
        at++;
    }

    private MalformedJson refuse(String why) {
        return new MalformedJson(why + " (at character " + at + ")");
    }
}
