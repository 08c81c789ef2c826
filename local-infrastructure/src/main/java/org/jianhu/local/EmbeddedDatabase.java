package org.jianhu.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL from the zonky embedded binaries, run as a child process. Its data directory stays
 * under the data dir, so the next start finds the same databases; the superuser is postgres, and
 * every connection is trusted (a local trial only).
 */
final class EmbeddedDatabase implements Engine {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(int port, Path dataDir, List<String> databases) {
        if (Privileges.runningAsRoot()) {
            throw new EngineFailure(LocalInfrastructure.EXIT_POSTGRES_NEEDS_INSTALLING,
                    PostgresInstructions.forRoot(port), null);
        }
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir.resolve("postgres").toAbsolutePath())
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(dataDir.resolve("postgres-binaries").toAbsolutePath().toFile())
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException | RuntimeException failed) {
            throw new EngineFailure(LocalInfrastructure.EXIT_FAILED, PostgresInstructions.afterFailure(port, failed), failed);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(postgres);
        database.create(databases);
        return database;
    }

    private void create(List<String> databases) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String name : databases) {
                if (!exists(connection, name)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE " + name);
                    }
                }
            }
        } catch (SQLException failed) {
            close();
            throw new EngineFailure(LocalInfrastructure.EXIT_FAILED, "The embedded PostgreSQL started but could not create the databases: "
                    + failed.getMessage(), failed);
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        }
    }

    @Override
    public String describe() {
        return "postgresql jdbc:postgresql://localhost:" + postgres.getPort()
                + "/  (embedded PostgreSQL, user postgres, trust)";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException failed) {
            System.err.println("The embedded PostgreSQL did not stop cleanly: " + failed.getMessage());
        }
    }
}
