package org.jianhu.supervision.signal;

import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * Makes one instance at a time the outbox's relay, so signal changes go out in outbox order, one project's in the
 * order they were made. The holder renews its lease before each batch; another instance takes over once the lease
 * has run out (it died, or it waits on the broker longer than the lease). Each take is one statement, its own short
 * transaction: a row lock held through the broker's confirms would hold a transaction open as long as the broker
 * takes. Should two relays overlap, consumers see re-sends of the same changes, which they de-duplicate.
 */
class SignalRelayLease {

    private final JdbcTemplate jdbc;
    private final Duration length;
    private final String holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    SignalRelayLease(JdbcTemplate jdbc, Duration length) {
        this.jdbc = jdbc;
        this.length = length;
    }

    /** Takes or renews the lease; false while another instance holds it. */
    boolean take() {
        return jdbc.update("INSERT INTO signal_relay_lease (id, holder, held_until) "
                + "VALUES (1, ?, clock_timestamp() + CAST(? AS interval)) ON CONFLICT (id) DO UPDATE "
                + "SET holder = EXCLUDED.holder, held_until = EXCLUDED.held_until "
                + "WHERE signal_relay_lease.holder = EXCLUDED.holder OR signal_relay_lease.held_until < clock_timestamp()",
                holder, length.toMillis() + " milliseconds") == 1;
    }

    /** On shutdown: another instance may take over at once. */
    void release() {
        jdbc.update("DELETE FROM signal_relay_lease WHERE holder = ?", holder);
    }
}
