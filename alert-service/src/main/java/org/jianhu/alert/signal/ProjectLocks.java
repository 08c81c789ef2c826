package org.jianhu.alert.signal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A transaction-level advisory lock per project, taken by whoever takes, parks or retries its signal changes, so
 * that no change is held just after a retry took what was held.
 */
@Component
class ProjectLocks {

    /** The first key of the two-key space (apart from the timeline's one-key lock): "JHPS". */
    private static final int SIGNAL_PARKING = 0x4A48_5053;

    private final JdbcClient jdbc;

    ProjectLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Until the caller's transaction ends. */
    void lock(String projectId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))").params(SIGNAL_PARKING, projectId)
                .query((rs, row) -> 1).list();
    }
}
