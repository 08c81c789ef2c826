package org.jianhu.servicesupport.wakeup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WakeupTest {

    private final AtomicInteger runs = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private Wakeup wakeup;

    @AfterEach
    void close() {
        release.countDown();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        wakeup.close();
    }

    @Test
    void theWorkRunsOnlyAfterTheTransactionCommits() {
        wakeup = new Wakeup("test", runs::incrementAndGet);
        TransactionSynchronizationManager.initSynchronization();

        wakeup.afterCommit();
        assertThat(runs).hasValue(0);
        TransactionSynchronizationUtils.triggerAfterCommit();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(runs).hasValue(1));
    }

    @Test
    void aRolledBackTransactionWakesNothing() {
        wakeup = new Wakeup("test", runs::incrementAndGet);
        TransactionSynchronizationManager.initSynchronization();

        wakeup.afterCommit();
        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_ROLLED_BACK);

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(runs).hasValue(0));
    }

    @Test
    void nudgesWhileTheWorkRunsCoalesceIntoOneMoreRun() {
        wakeup = new Wakeup("test", () -> {
            runs.incrementAndGet();
            awaitRelease();
        });

        wakeup.nudge();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(runs).hasValue(1));
        for (int i = 0; i < 50; i++) {
            wakeup.nudge();
        }
        release.countDown();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(runs).hasValue(2));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(runs).hasValue(2));
    }

    @Test
    void aFailingRunLeavesTheWakeupWorking() {
        wakeup = new Wakeup("test", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the broker is away");
            }
        });

        wakeup.nudge();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(runs).hasValue(1));
        wakeup.nudge();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(runs).hasValue(2));
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
