package org.jianhu.eventstore.lag;

import org.jianhu.eventstore.token.CommitOrderToken;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What holds tracking readers back at one moment.
 *
 * @param readableHead           the last event readers may take now, or {@code BEFORE_ALL}
 * @param heldBackEvents         committed events readers may not take yet, because an older
 *                               transaction is still open
 * @param heldBackFor            how long the oldest of those has waited (zero when none)
 * @param oldestOpenTransaction  the open transaction with the oldest id anywhere in the cluster: the
 *                               one that sets the horizon, if this role may see it
 */
public record LagReport(Instant measuredAt,
                        CommitOrderToken readableHead,
                        long heldBackEvents,
                        Duration heldBackFor,
                        Optional<OpenTransaction> oldestOpenTransaction) {

    /** Readers are waiting on an open transaction rather than on their own work. */
    public boolean readersHeldBack() {
        return heldBackEvents > 0;
    }

    /** A transaction that has written (so holds an id) and has not ended. */
    public record OpenTransaction(int pid, String database, String applicationName, Duration openFor) {
    }
}
