package org.jianhu.verifier.tree;

import org.jianhu.verifier.export.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The transparency-dev/merkle test vectors (Apache-2.0, see {@code merkle/LICENSE} beside them), read as data:
 * the JSON proof vectors under {@code merkle/testdata} and the hashes of {@code merkle/constants.go.txt}.
 */
final class Vectors {

    /** One JSON vector file, by its path below testdata (e.g. {@code inclusion/1/happy-path.json}). */
    record Vector(String name, Map<String, Object> fields) {

        /**
         * The vectors' sizes and indices are unsigned 64-bit; read as Java's signed long (the same bits), those of
         * 2^63 and more are negative, which no tree of ours holds.
         */
        long number(String field) {
            return ((BigDecimal) fields.get(field)).toBigIntegerExact().longValue();
        }

        byte[] hash(String field) {
            return Base64.getDecoder().decode((String) fields.get(field));
        }

        List<byte[]> proof() {
            Object proof = fields.get("proof");
            if (proof == Json.NULL) {
                return List.of();
            }
            return ((List<?>) proof).stream().map(hash -> Base64.getDecoder().decode((String) hash)).toList();
        }

        boolean wantErr() {
            return Boolean.TRUE.equals(fields.get("wantErr"));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Vectors() {
    }

    static List<Vector> under(String kind) {
        Path root = directory("merkle/testdata");
        try (Stream<Path> files = Files.walk(root.resolve(kind))) {
            List<Vector> vectors = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) Json.parse(Files.readString(file));
                vectors.add(new Vector(root.relativize(file).toString(), fields));
            }
            return vectors;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The hex strings of one Go function of constants.go.txt, in order ({@code hd("…")} calls). */
    static List<byte[]> constants(String function) {
        try {
            String go = Files.readString(directory("merkle").resolve("constants.go.txt"), StandardCharsets.UTF_8);
            int start = go.indexOf("func " + function + "(");
            int end = go.indexOf("\n}\n", start);
            Matcher hex = Pattern.compile("hd\\(\"([0-9a-f]*)\"\\)").matcher(go.substring(start, end));
            List<byte[]> values = new ArrayList<>();
            while (hex.find()) {
                values.add(HexFormat.of().parseHex(hex.group(1)));
            }
            return values;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static Path directory(String resource) {
        try {
            return Path.of(Vectors.class.getClassLoader().getResource(resource).toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
