package org.jianhu.project.integrity.tree;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jianhu.verifier.event.LeafEncoding;
import org.jianhu.verifier.tree.Frontier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The processor that keeps the tree: it reads the event store in its reading order, behind the oldest transaction
 * of this database that can still append (so no event that commits late is ever passed over; {@link LoggedEvents}),
 * and makes each event the next leaf. One batch is one transaction: the leaves, the subtrees they complete and the tree's new position commit
 * together or not at all. Instances take turns through an advisory lock, so the tree has one writer at a time.
 */
public class FollowingTheLog {

    private static final Logger log = LoggerFactory.getLogger(FollowingTheLog.class);
    /** The advisory lock of the tree's writer: "jianhu" in ASCII, then 1. */
    private static final long TREE_WRITER_LOCK = 0x6a69616e68750001L;
    /** Batches per scheduled run at most, so one run never holds its thread for long. */
    private static final int BATCHES_PER_RUN = 50;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final StoredTree tree;
    private final LoggedEvents events;
    private final int batchSize;
    private final Counter leavesAdded;
    private final AtomicLong size = new AtomicLong(-1);

    public FollowingTheLog(JdbcTemplate jdbc, TransactionTemplate transaction, StoredTree tree, LoggedEvents events,
                           int batchSize, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.tree = tree;
        this.events = events;
        this.batchSize = batchSize;
        this.leavesAdded = Counter.builder("jianhu.integrity.leaves.added")
                .description("Events made leaves of the record's tree by this instance").register(registry);
        Gauge.builder("jianhu.integrity.tree.size", size, AtomicLong::get)
                .description("Leaves in the record's tree, as this instance last saw it").register(registry);
    }

    /** One scheduled run ({@code jianhu.integrity.follow-interval}): failures wait for the next. */
    public void follow() {
        try {
            catchUp();
        } catch (RuntimeException failed) {
            // The database is away or busy; the next run picks up where the tree stands.
            log.warn("the record's tree could not follow the log: {}", failed.getMessage());
        }
    }

    /** Takes events into the tree until it has all readable ones (or its run is over); answers how many. */
    public long catchUp() {
        long added = 0;
        for (int batch = 0; batch < BATCHES_PER_RUN; batch++) {
            int taken = takeNextBatch();
            added += taken;
            if (taken < batchSize) {
                break;
            }
        }
        return added;
    }

    private int takeNextBatch() {
        Integer taken = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                    TREE_WRITER_LOCK))) {
                return 0;
            }
            TreePosition position = tree.position();
            List<LoggedEvents.Logged> rows = events.after(position, batchSize);
            if (rows.isEmpty()) {
                size.set(position.size());
                return 0;
            }
            Frontier frontier = tree.frontier(position.size());
            List<NewLeaf> leaves = new ArrayList<>(rows.size());
            List<NodeHash> nodes = new ArrayList<>(rows.size());
            for (LoggedEvents.Logged row : rows) {
                frontier.append(LeafEncoding.leafHash(row.event()), (node, hash) -> {
                    if (node.level() == 0) {
                        leaves.add(new NewLeaf(node.index(), row.event().globalPosition(), row.event().timestamp(),
                                hash));
                    } else {
                        nodes.add(new NodeHash(node, hash));
                    }
                });
            }
            LoggedEvents.Logged last = rows.get(rows.size() - 1);
            tree.append(leaves, nodes, new TreePosition(frontier.size(), last.txId(), last.event().globalPosition()));
            size.set(frontier.size());
            return rows.size();
        });
        int count = taken == null ? 0 : taken;
        leavesAdded.increment(count);
        return count;
    }
}
