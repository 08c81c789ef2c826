package org.jianhu.contracts.project;

import java.util.List;

/**
 * A closed list of codes (OC4IDS / OCDS) that one field of an event takes. Each list lives on the event
 * that carries the field, so the command side that accepts a code and the supervision side that reads it
 * name the same constants.
 */
public record CodeList(String field, List<String> codes) {

    public CodeList {
        codes = List.copyOf(codes);
    }

    public static CodeList of(String field, String... codes) {
        return new CodeList(field, List.of(codes));
    }

    public boolean contains(String code) {
        return code != null && codes.contains(code);
    }
}
