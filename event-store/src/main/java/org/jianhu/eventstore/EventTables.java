package org.jianhu.eventstore;

import java.util.regex.Pattern;

/**
 * Names of the event and snapshot tables, as created by {@code db/eventstore/V1__commit_ordered_event_store.sql}.
 * Another pair (say, per bounded context) must have the same columns.
 */
public record EventTables(String events, String snapshots) {

    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    public static final EventTables DEFAULT = new EventTables("domain_event_entry", "snapshot_event_entry");

    public EventTables {
        // The names are spliced into SQL text, so only plain identifiers are let through.
        requirePlain(events);
        requirePlain(snapshots);
    }

    private static void requirePlain(String table) {
        if (table == null || !PLAIN_IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain lower-case table name: " + table);
        }
    }
}
