package org.jianhu.testsupport;

import org.testcontainers.containers.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** A PostgreSQL server on which each test class creates a database of its own. */
public final class PostgresServer {

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private PostgresServer(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    static PostgresServer locate() {
        PostgresServer configured = new PostgresServer(
                Infrastructure.setting("jianhu.test.pg.host", "127.0.0.1"),
                Integer.parseInt(Infrastructure.setting("jianhu.test.pg.port", "5432")),
                Infrastructure.setting("jianhu.test.pg.user", "postgres"),
                Infrastructure.setting("jianhu.test.pg.password", ""));
        try (Connection ignored = configured.connect("postgres")) {
            return configured;
        } catch (SQLException unreachable) {
            if (Infrastructure.dockerAvailable()) {
                return fromContainer();
            }
            throw Infrastructure.missing("PostgreSQL", configured.host + ":" + configured.port, unreachable);
        }
    }

    @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers' Ryuk removes it
    private static PostgresServer fromContainer() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
        container.start();
        return new PostgresServer(container.getHost(), container.getMappedPort(5432),
                container.getUsername(), container.getPassword());
    }

    /** Creates an empty database whose name starts with {@code label}, unique to this call. */
    public String createDatabase(String label) {
        String name = (label.replaceAll("[^A-Za-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        if (name.length() > 63) {
            name = name.substring(name.length() - 63);
        }
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException failed) {
            throw new IllegalStateException("could not create test database " + name, failed);
        }
        return name;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }
}
