package org.jianhu.servicesupport.parking;

import com.fasterxml.jackson.core.JsonParseException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

class PoisonJudgeTest {

    private final PoisonJudge judge = new PoisonJudge(3);

    @Test
    void anEventThatFailsThreeTimesForItsOwnSakeIsPoison() {
        var unstorable = new DataIntegrityViolationException("invalid byte sequence for encoding \"UTF8\": 0x00");
        assertThat(judge.isPoison("e-1", unstorable)).isFalse();
        assertThat(judge.isPoison("e-1", unstorable)).isFalse();
        assertThat(judge.isPoison("e-1", unstorable)).isTrue();
    }

    @Test
    void theWorldBeingAwayNeverMakesPoison() {
        for (int i = 0; i < 10; i++) {
            assertThat(judge.isPoison("e-1", new DataAccessResourceFailureException("connection refused"))).isFalse();
            assertThat(judge.isPoison("e-1", new IllegalStateException("wrapped", new ConnectException("refused"))))
                    .isFalse();
        }
    }

    @Test
    void aDatabaseThatWentAwayMidTransactionIsAnOutage() {
        var lost = new org.springframework.transaction.TransactionSystemException("commit failed",
                new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006"));
        var shutdown = new java.sql.SQLException("terminating connection due to administrator command", "57P01");
        assertThat(Failures.isTransient(lost)).isTrue();
        assertThat(Failures.isTransient(new IllegalStateException(shutdown))).isTrue();
        assertThat(Failures.isTransient(new java.sql.SQLException("invalid byte sequence", "22021"))).isFalse();
    }

    @Test
    void anUnreadablePayloadIsNoOutage() {
        assertThat(Failures.isTransient(new IllegalArgumentException("x", new JsonParseException(null, "bad")))).isFalse();
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        var unstorable = new DataIntegrityViolationException("no");
        judge.isPoison("e-1", unstorable);
        judge.isPoison("e-1", unstorable);
        judge.succeeded("e-1");
        assertThat(judge.isPoison("e-1", unstorable)).isFalse();
    }
}
