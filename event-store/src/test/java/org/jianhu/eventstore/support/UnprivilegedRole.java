package org.jianhu.eventstore.support;

import org.jianhu.testsupport.Infrastructure;
import org.jianhu.testsupport.PostgresServer;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.util.Locale;
import java.util.UUID;

/**
 * A login role that may read the event store's tables and nothing more: no superuser, no
 * {@code pg_read_all_stats}, so other roles' sessions show it only what PostgreSQL shows everyone.
 * Roles belong to the whole server, so {@link #close()} drops it again.
 */
public final class UnprivilegedRole implements AutoCloseable {

    private final TestDatabase database;
    private final String name = ("event_reader_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    private final String password = UUID.randomUUID().toString();

    private UnprivilegedRole(TestDatabase database) {
        this.database = database;
    }

    public static UnprivilegedRole readingTheEventStoreOf(TestDatabase database) {
        UnprivilegedRole role = new UnprivilegedRole(database);
        database.jdbc().execute("CREATE ROLE " + role.name + " LOGIN PASSWORD '" + role.password + "'");
        database.jdbc().execute("GRANT SELECT ON domain_event_entry, snapshot_event_entry TO " + role.name);
        return role;
    }

    public DataSource dataSource() {
        PostgresServer postgres = Infrastructure.postgres();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl(database.name()));
        dataSource.setUser(name);
        dataSource.setPassword(password);
        dataSource.setApplicationName(name);
        return dataSource;
    }

    @Override
    public void close() {
        database.jdbc().execute("DROP OWNED BY " + name);
        database.jdbc().execute("DROP ROLE " + name);
    }
}
