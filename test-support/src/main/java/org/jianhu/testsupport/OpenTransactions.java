package org.jianhu.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Watches one database's sessions for transactions held open, as the event store's readers would wait on them: a
 * session of that database (not the watcher's own) with a transaction under way that is not idle, whatever it
 * is doing (running a statement, or idle in the transaction while its client waits on something else).
 */
public final class OpenTransactions {

    /** The oldest such transaction at one moment: how long it had been open, and whose it was. */
    public record Seen(Duration openFor, int pid, String application, String state, String query) {

        @Override
        public String toString() {
            return "pid " + pid + " (" + application + ", " + state + ") open for " + openFor.toMillis() + " ms, at: "
                    + query;
        }
    }

    private static final String OLDEST = """
            SELECT pid, application_name, state, query,
                   CAST(extract(epoch FROM clock_timestamp() - xact_start) * 1000 AS bigint) AS open_millis
              FROM pg_stat_activity
             WHERE datname = current_database() AND xact_start IS NOT NULL AND state <> 'idle'
               AND pid <> pg_backend_pid()
             ORDER BY xact_start LIMIT 1""";

    private final String database;

    private OpenTransactions(String database) {
        this.database = database;
    }

    /** Of a database on the tests' PostgreSQL ({@link Infrastructure#postgres()}). */
    public static OpenTransactions in(String database) {
        return new OpenTransactions(database);
    }

    /** Looks every 50 ms for {@code during}; answers the longest-open transaction it saw, if any. */
    public Optional<Seen> longestDuring(Duration during) {
        Seen longest = null;
        Instant end = Instant.now().plus(during);
        try (Connection connection = Infrastructure.postgres().connect(database);
             PreparedStatement oldest = connection.prepareStatement(OLDEST)) {
            while (Instant.now().isBefore(end)) {
                try (ResultSet row = oldest.executeQuery()) {
                    if (row.next()) {
                        Seen now = new Seen(Duration.ofMillis(row.getLong("open_millis")), row.getInt("pid"),
                                row.getString("application_name"), row.getString("state"), row.getString("query"));
                        if (longest == null || now.openFor().compareTo(longest.openFor()) > 0) {
                            longest = now;
                        }
                    }
                }
                Thread.sleep(50);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("could not watch the sessions of " + database, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return Optional.ofNullable(longest);
    }
}
