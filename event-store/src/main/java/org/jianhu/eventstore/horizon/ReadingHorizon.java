package org.jianhu.eventstore.horizon;

import org.jianhu.eventstore.EventTables;

/**
 * The transaction id below which readers may take events: no event with a lower id can still
 * commit. It is bounded only by transactions that can still append to this event table, so an open
 * transaction in another database of the same PostgreSQL cluster no longer holds readers back.
 *
 * <p>One SQL expression, evaluated inside the statement that reads the rows, so the horizon and the
 * rows come from one snapshot. The reasoning is in the module README ("Why the horizon never
 * skips"); in short:
 * <ul>
 *   <li>every transaction with an id below the snapshot's {@code xmax} that is not in its running
 *       list ({@code xip}) has ended, so its rows are either visible to this snapshot or never will be;
 *       every id handed out later is at or above {@code xmax};</li>
 *   <li>a running transaction is passed over only on positive proof that it belongs to another
 *       database (a backend or a prepared transaction of that database holds its id): it can never
 *       write this table. Anything unproven (ended a moment ago, not visible, read on a standby) holds
 *       readers as before.</li>
 *   <li>the reader's own transaction, if it has an id, bounds the horizon too.</li>
 * </ul>
 * So the horizon is never below the cluster-wide {@code pg_snapshot_xmin} readers used before, and
 * never above what this database can still append.
 */
public final class ReadingHorizon {

    // The server-activity copy a backend keeps is taken once per transaction; cleared here, it is
    // taken afresh after this statement's snapshot, which the proof needs (see the README). The
    // NULL argument means "every backend"; being an argument, the clearing runs before the read.
    private static final String FOREIGN_TRANSACTIONS = """
            SELECT activity.backend_xid
              FROM pg_stat_get_activity((SELECT CAST(NULL AS integer) FROM pg_stat_clear_snapshot())) AS activity
             WHERE activity.backend_xid IS NOT NULL
               AND activity.datid <> (SELECT oid FROM pg_database WHERE datname = current_database())
            UNION ALL
            SELECT prepared.transaction
              FROM pg_prepared_xact() AS prepared
             WHERE prepared.dbid <> (SELECT oid FROM pg_database WHERE datname = current_database())""";

    private ReadingHorizon() {
    }

    /**
     * A scalar {@code xid8} expression for the horizon of {@code tables}' event table. Where nothing
     * committed lies at or above the oldest running transaction, that transaction is the horizon and
     * the server's activity is not consulted: a higher horizon would not let a reader take more.
     */
    public static String of(EventTables tables) {
        return horizon(tables, "");
    }

    /**
     * The same for one batch of a tracking read, with three parameters: the reader's position (its
     * transaction id as text, its global index) and the batch size less one. When the batch fills up
     * below the oldest running transaction, as it does while a reader catches up, that transaction is
     * the horizon: the batch would be the same with any higher one.
     */
    public static String forBatchAfter(EventTables tables) {
        return horizon(tables, """
                WHEN EXISTS (SELECT 1 FROM %s
                              WHERE (tx_id, global_index) > (CAST(? AS xid8), ?)
                                AND tx_id < pg_snapshot_xmin(moment.snapshot)
                              ORDER BY tx_id, global_index OFFSET ?)
                  THEN pg_snapshot_xmin(moment.snapshot)
                """.formatted(tables.events()));
    }

    private static String horizon(EventTables tables, String furtherShortcut) {
        return """
                (SELECT CASE
                          WHEN pg_is_in_recovery() THEN pg_snapshot_xmin(moment.snapshot)
                          WHEN coalesce((SELECT max(tx_id) FROM %s) < pg_snapshot_xmin(moment.snapshot), true)
                            THEN pg_snapshot_xmin(moment.snapshot)
                          %s
                          ELSE least(pg_snapshot_xmax(moment.snapshot),
                                     pg_current_xact_id_if_assigned(),
                                     (SELECT min(running)
                                        FROM pg_snapshot_xip(moment.snapshot) AS running
                                       WHERE xid(running) NOT IN (%s)))
                        END
                   FROM (SELECT pg_current_snapshot() AS snapshot) AS moment)"""
                .formatted(tables.events(), furtherShortcut, FOREIGN_TRANSACTIONS);
    }
}
