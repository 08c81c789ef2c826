package org.jianhu.servicesupport.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Text a projection can store. PostgreSQL refuses the NUL character in {@code text} and {@code jsonb}; events
 * recorded before the input policy refused it may still hold one, and must not become poison for every reader:
 * a reader takes each NUL as U+FFFD (the replacement character), which shows where something unreadable was.
 */
public final class StorableText {

    public static final char NUL = '\u0000';
    public static final char REPLACEMENT = '\uFFFD';

    private StorableText() {
    }

    public static String of(String text) {
        return text == null || text.indexOf(NUL) < 0 ? text : text.replace(NUL, REPLACEMENT);
    }

    /** The same JSON with every string (and every key) made storable; the tree itself when nothing needs it. */
    public static JsonNode of(JsonNode node) {
        if (node == null || !node.toString().contains("\\u0000")) {
            return node;
        }
        return replaced(node.deepCopy());
    }

    private static JsonNode replaced(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(of(node.textValue()));
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(of(field.getKey()), replaced(field.getValue()));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, replaced(array.get(i)));
            }
        }
        return node;
    }
}
