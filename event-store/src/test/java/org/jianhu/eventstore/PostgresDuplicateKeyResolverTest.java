package org.jianhu.eventstore;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresDuplicateKeyResolverTest {

    private final PostgresDuplicateKeyResolver resolver = new PostgresDuplicateKeyResolver();

    @Test
    void uniqueViolationAnywhereInTheCauseChainIsADuplicateKey() {
        SQLException unique = new SQLException("duplicate key", "23505");

        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(unique))).isTrue();
    }

    @Test
    void uniqueViolationReportedAsTheBatchsNextExceptionIsADuplicateKey() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 1 failed", "23505", new int[0]);
        BatchUpdateException wrapped = new BatchUpdateException("batch failed", null, new int[0]);
        wrapped.setNextException(new SQLException("duplicate key", "23505"));

        assertThat(resolver.isDuplicateKeyViolation(batch)).isTrue();
        assertThat(resolver.isDuplicateKeyViolation(wrapped)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("foreign key", "23503"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException())).isFalse();
    }
}
