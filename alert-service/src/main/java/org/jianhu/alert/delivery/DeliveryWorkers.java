package org.jianhu.alert.delivery;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool of threads that send. The claim asks how many are free and claims no more, so nothing claimed
 * waits for a thread while its lease runs.
 */
final class DeliveryWorkers {

    private final Semaphore free;
    private final ExecutorService threads;

    DeliveryWorkers(int size) {
        this.free = new Semaphore(size);
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(size, send -> {
            Thread thread = new Thread(send, "delivery-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    int free() {
        return free.availablePermits();
    }

    /** Starts the send on a free worker; there is one, since only as many were claimed as were free. */
    void start(Runnable send) {
        if (!free.tryAcquire()) {
            throw new IllegalStateException("a delivery was claimed for a worker that is not free");
        }
        threads.execute(() -> {
            try {
                send.run();
            } finally {
                free.release();
            }
        });
    }

    /** Lets the sends under way finish within {@code grace}; what is cut off is claimed again once its lease ends. */
    void close(Duration grace) throws InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            threads.shutdownNow();
        }
    }
}
