package org.jianhu.eventstore.support;

import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A transaction that does its writes, then stays open on a thread of its own until told to commit:
 * the long-running command, batch job or forgotten psql session of production.
 */
public final class HeldTransaction {

    private final CountDownLatch written = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Void> ended;
    private volatile Runnable lastWrites = () -> { };

    private HeldTransaction(TransactionTemplate transactions, Runnable writes) {
        ended = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            writes.run();
            written.countDown();
            awaitRelease();
            lastWrites.run();
        }));
    }

    /** Returns once the writes are done and the transaction is open. */
    public static HeldTransaction open(TransactionTemplate transactions, Runnable writes) {
        HeldTransaction held = new HeldTransaction(transactions, writes);
        try {
            if (!held.written.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the held transaction did not write in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return held;
    }

    public void commit() {
        release.countDown();
        ended.join();
    }

    /** Does {@code writes} in the same transaction, long after it took its id, then commits. */
    public void commitAfter(Runnable writes) {
        lastWrites = writes;
        commit();
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
