package org.jianhu.project.oc4ids;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The standard's example package, as published and with its amounts in yuan. */
public final class Oc4idsExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Oc4idsExamples() {
    }

    public static ObjectNode example() {
        try (InputStream in = Oc4idsExamples.class.getResourceAsStream("/oc4ids/example.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The example with every GBP amount relabelled CNY (the other currencies it has stay), so that its facts map. */
    public static ObjectNode inYuan() {
        ObjectNode example = example();
        relabel(example);
        return example;
    }

    public static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static void relabel(JsonNode node) {
        if (node instanceof ObjectNode object && "GBP".equals(object.path("currency").asText(null))) {
            object.put("currency", "CNY");
        }
        node.forEach(Oc4idsExamples::relabel);
    }
}
