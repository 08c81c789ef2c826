package org.jianhu.alert.signal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** The signal changes applied here, processed_change: a redelivered change is recognised and changes nothing. */
@Repository
class ProcessedChanges {

    private final JdbcClient jdbc;

    ProcessedChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the change as processed, in the transaction that applies it: should that roll back, so does this.
     *
     * @return false when the change was applied before (a redelivery)
     */
    boolean firstTime(UUID changeId, Instant now) {
        return jdbc.sql("INSERT INTO processed_change (change_id, processed_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(changeId, Timestamp.from(now)).update() == 1;
    }
}
