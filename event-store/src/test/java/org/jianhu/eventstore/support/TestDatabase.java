package org.jianhu.eventstore.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.jianhu.eventstore.CommitOrderedEventStorageEngine;
import org.jianhu.eventstore.PostgresDuplicateKeyResolver;
import org.jianhu.testsupport.Infrastructure;
import org.jianhu.testsupport.PostgresServer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * A fresh PostgreSQL database with the event store schema, wired the way a Spring Boot service wires
 * Axon: Spring transactions, and connections that join them.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String SCHEMA = "db/eventstore/V1__commit_ordered_event_store.sql";
    private static final String OUTSIDE_THE_EVENT_STORE = "CREATE TABLE side_effect ("
            + "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, written_at TIMESTAMPTZ NOT NULL DEFAULT now())";

    private final String name;
    private final HikariDataSource dataSource;
    private final DataSourceTransactionManager springTransactions;
    private final SpringTransactionManager axonTransactions;
    private final ConnectionProvider connections;

    private TestDatabase(String name, HikariDataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
        this.springTransactions = new DataSourceTransactionManager(dataSource);
        this.axonTransactions = new SpringTransactionManager(springTransactions);
        this.connections = new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    public static TestDatabase create(String label, int poolSize) {
        PostgresServer postgres = Infrastructure.postgres();
        String database = postgres.createDatabase(label);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl(database));
        config.setUsername(postgres.user());
        config.setPassword(postgres.password());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName(label);
        // So that health reports name the session the way a service's would.
        config.addDataSourceProperty("ApplicationName", label);
        TestDatabase created = new TestDatabase(database, new HikariDataSource(config));
        new ResourceDatabasePopulator(new ClassPathResource(SCHEMA)).execute(created.dataSource);
        created.jdbc().execute(OUTSIDE_THE_EVENT_STORE);
        return created;
    }

    public static TestDatabase create(String label) {
        return create(label, 12);
    }

    public CommitOrderedEventStorageEngine.Builder commitOrderedEngine() {
        return CommitOrderedEventStorageEngine.builder()
                                              .connectionProvider(connections)
                                              .transactionManager(axonTransactions)
                                              .eventSerializer(JacksonSerializer.defaultSerializer())
                                              .snapshotSerializer(JacksonSerializer.defaultSerializer());
    }

    /** Axon's own JDBC engine on its own tables in the same database, for comparison. */
    public JdbcEventStorageEngine.Builder stockEngine() {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(axonTransactions)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .persistenceExceptionResolver(new PostgresDuplicateKeyResolver())
                .schema(new EventSchema());
        builder.build().createSchema(PostgresEventTableFactory.INSTANCE);
        return builder;
    }

    /**
     * Writes a row in a table of this database that is not the event store, which gives the
     * surrounding transaction an id: a projection, a token update, another service's own work.
     */
    public void writeOutsideTheEventStore() {
        jdbc().update("INSERT INTO side_effect DEFAULT VALUES");
    }

    public String name() {
        return name;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    public TransactionTemplate transactions() {
        return new TransactionTemplate(springTransactions);
    }

    public TransactionManager axonTransactions() {
        return axonTransactions;
    }

    public ConnectionProvider connections() {
        return connections;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
