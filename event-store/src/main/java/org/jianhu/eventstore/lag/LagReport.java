package org.jianhu.eventstore.lag;

import org.jianhu.eventstore.token.CommitOrderToken;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What holds tracking readers back at one moment.
 *
 * @param readableHead    the last event readers may take now, or {@code BEFORE_ALL}
 * @param heldBackEvents  committed events readers may not take yet, because a transaction that can
 *                        still append to the event table is open with an older id
 * @param heldBackFor     how long the oldest of those has waited (zero when none)
 * @param heldBackBy      that transaction, whenever events are held back
 */
public record LagReport(Instant measuredAt,
                        CommitOrderToken readableHead,
                        long heldBackEvents,
                        Duration heldBackFor,
                        Optional<HoldingTransaction> heldBackBy) {

    /** Readers are waiting on an open transaction rather than on their own work. */
    public boolean readersHeldBack() {
        return heldBackEvents > 0;
    }

    /**
     * The open transaction at the reading horizon. Its session is unknown only when it ended between
     * the horizon being taken and the session list being read.
     */
    public record HoldingTransaction(long transactionId, Optional<Session> session) {
    }

    /**
     * Who runs it. {@code openFor} is empty when this role may not see another role's transaction
     * start (that needs {@code pg_read_all_stats}); a prepared transaction has pid 0 and counts from
     * its {@code PREPARE}.
     */
    public record Session(int pid, String database, String applicationName, Optional<Duration> openFor) {
    }
}
