package org.jianhu.servicesupport.wakeup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a stage's work at once when the stage before it committed something for it, rather than at the stage's
 * next poll. The poll stays, slower, as the safety net for what no wakeup reaches here (another instance's
 * commit, a wakeup lost in a crash). Nudges coalesce: however many arrive while the work runs, it runs once more
 * afterwards, on a thread of its own, so the committing thread never waits for it. The work must tolerate running
 * beside its scheduled poll (a lock or {@code synchronized}).
 */
public final class Wakeup implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Wakeup.class);

    private final String name;
    private final Runnable work;
    private final ExecutorService thread;
    private final AtomicBoolean requested = new AtomicBoolean();

    public Wakeup(String name, Runnable work) {
        this.name = name;
        this.work = work;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread woken = new Thread(runnable, name + "-wakeup");
            woken.setDaemon(true);
            return woken;
        });
    }

    /** Wakes the work after the caller's transaction commits (never on a rollback); at once outside one. */
    public void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    nudge();
                }
            });
        } else {
            nudge();
        }
    }

    /** Wakes the work now. */
    public void nudge() {
        if (requested.compareAndSet(false, true)) {
            try {
                thread.execute(this::run);
            } catch (RejectedExecutionException closing) {
                requested.set(false);
            }
        }
    }

    private void run() {
        requested.set(false);
        try {
            work.run();
        } catch (RuntimeException failed) {
            // the poll tries again; a wakeup is an early start, never the only one
            log.warn("{} woken but failed, its poll will try again: {}", name, failed.getMessage());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
