package org.jianhu.project.support;

/** Parties as request bodies name them: OC4IDS organisation references, {@code {"id", "name"}}, as JSON. */
public final class Parties {

    public static final String ACME = party("CN-USCC-91330200MA2AB1234X", "Acme Construction");
    public static final String FINANCE = party("CN-USCC-11330200002564321X", "Finance bureau");
    public static final String QUALITY_STATION = party("CN-USCC-12330200MB1234567X", "Quality station");

    private Parties() {
    }

    public static String party(String id, String name) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\"}";
    }
}
