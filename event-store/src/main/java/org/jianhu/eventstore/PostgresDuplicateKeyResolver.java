package org.jianhu.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * Recognises a unique-key violation by PostgreSQL's SQLSTATE. Axon's JDBC default looks for
 * {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws, so a
 * second writer at the same aggregate sequence would surface as a plain store failure instead of a
 * {@code ConcurrencyException}.
 */
public final class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sqlException && isUniqueViolation(sqlException)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        if (UNIQUE_VIOLATION.equals(exception.getSQLState())) {
            return true;
        }
        // A batch insert reports the failing row as the next exception, not as the cause.
        return exception instanceof BatchUpdateException batch
                && batch.getNextException() != null
                && UNIQUE_VIOLATION.equals(batch.getNextException().getSQLState());
    }
}
