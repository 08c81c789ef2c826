package org.jianhu.servicesupport.parking;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a failure to apply an event lies with the world (a database or a service away: try again, however
 * long it takes) or with the event (nothing will change by trying again: park its project after a few tries).
 * Judged by the cause chain, by class name, so that this module needs none of the libraries it recognises.
 */
public final class Failures {

    private static final Set<String> TRANSIENT = Set.of(
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.RecoverableDataAccessException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "org.springframework.transaction.TransactionTimedOutException",
            // with JDBC a commit or rollback fails only when the connection does
            "org.springframework.transaction.TransactionSystemException",
            "org.springframework.web.client.ResourceAccessException",
            "org.springframework.web.client.HttpServerErrorException",
            "org.springframework.amqp.AmqpConnectException",
            "java.sql.SQLTransientException",
            "java.sql.SQLRecoverableException");

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException && !isJsonProblem(cause)) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionLost(sql.getSQLState())) {
                return true;
            }
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (TRANSIENT.contains(type.getName())) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes of a database that went away: 08 connection exception, 57P operator intervention (admin
     * or crash shutdown, cannot connect now), 53 insufficient resources (too many connections).
     */
    private static boolean isConnectionLost(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"));
    }

    /** Jackson's exceptions are IOExceptions too, but an unreadable payload stays unreadable. */
    private static boolean isJsonProblem(Throwable cause) {
        for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("com.fasterxml.jackson.core.JacksonException")) {
                return true;
            }
        }
        return false;
    }
}
