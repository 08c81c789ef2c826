package org.jianhu.project.integrity;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.jianhu.project.integrity.tree.FollowingTheLog;
import org.jianhu.project.integrity.tree.LoggedEvents;
import org.jianhu.project.integrity.tree.StoredTree;
import org.jianhu.testsupport.Infrastructure;
import org.jianhu.testsupport.RealInfrastructure;
import org.jianhu.verifier.event.LeafEncoding;
import org.jianhu.verifier.tree.MemoryTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processor that keeps the tree: it takes events in the event store's reading order (by transaction id as a
 * number, then global position), never passes over an event whose transaction commits late, and two instances
 * following at once still build one tree. Rows are written straight into the store, as the engine writes them.
 */
@RealInfrastructure
@SpringBootTest(properties = {"jianhu.integrity.follow-interval=1h", "jianhu.integrity.checkpoint-interval=1h",
        "jianhu.integrity.key-file=target/integrity-keys/${random.uuid}.pem", "jianhu.relay.enabled=false"})
class FollowingTheLogIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    FollowingTheLog following;
    @Autowired
    StoredTree tree;
    @Autowired
    LoggedEvents loggedEvents;
    @Autowired
    EventProcessingConfiguration processing;

    @BeforeEach
    void anEmptyLogAndTreeAndNoOtherReader() {
        // the listing would read these bare rows too, and fail on them (the relay is left out)
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        jdbc.execute("DELETE FROM domain_event_entry; DELETE FROM integrity_leaf; DELETE FROM integrity_node; "
                + "UPDATE integrity_tree SET size = 0, last_tx_id = '0', last_global_index = 0");
    }

    @Test
    void eventsBecomeLeavesInTheReadingOrderWhateverTheLengthOfTheirTransactionIds() {
        // written by transactions 10 and 9 (ids a DBA's restore could give them): 9 is read first, though "10" < "9"
        jdbc.update("INSERT INTO domain_event_entry (tx_id, event_identifier, aggregate_identifier, sequence_number, "
                + "type, time_stamp, payload_type, payload, meta_data) VALUES "
                + "('10', 'e-10', 'p-1', 1, 'Project', now(), 'T', '\\x7b7d', NULL), "
                + "('9', 'e-9', 'p-1', 0, 'Project', now(), 'T', '\\x7b7d', NULL)");

        following.catchUp();

        assertThat(jdbc.queryForList("SELECT e.event_identifier FROM integrity_leaf l JOIN domain_event_entry e "
                + "ON e.global_index = l.global_position ORDER BY l.leaf_index", String.class))
                .containsExactly("e-9", "e-10");
    }

    @Test
    void anEventWhoseTransactionCommitsLateIsTakenWhenItCommitsAndNoLaterOneBeforeIt() throws Exception {
        try (Connection late = dataSource.getConnection()) {
            late.setAutoCommit(false);
            insert(late, "e-late");
            append("e-after");

            following.catchUp();
            long whileOpen = tree.size();
            late.commit();
            following.catchUp();

            assertThat(whileOpen).as("nothing behind the open transaction is taken").isZero();
            assertThat(jdbc.queryForList("SELECT e.event_identifier FROM integrity_leaf l JOIN domain_event_entry e "
                    + "ON e.global_index = l.global_position ORDER BY l.leaf_index", String.class))
                    .containsExactly("e-late", "e-after");
        }
    }

    @Test
    void aTransactionOpenInAnotherDatabaseDoesNotHoldTheTreeBack() throws Exception {
        String neighbour = Infrastructure.postgres().createDatabase("t_neighbour_of_the_tree");
        try (Connection elsewhere = Infrastructure.postgres().connect(neighbour)) {
            elsewhere.setAutoCommit(false);
            elsewhere.createStatement().execute("SELECT pg_current_xact_id()");
            append("e-while-a-neighbour-writes");

            following.catchUp();

            assertThat(tree.size()).isEqualTo(1);
            elsewhere.rollback();
        }
    }

    @Test
    void aTransactionOfThisDatabaseThatHasNotAppendedYetHoldsTheTreeUntilItEnds() throws Exception {
        try (Connection late = dataSource.getConnection()) {
            late.setAutoCommit(false);
            // it has an id from an earlier write elsewhere here, and appends only at its end (as a command does)
            late.createStatement().execute("SELECT pg_current_xact_id()");
            append("e-after");

            following.catchUp();
            long whileOpen = tree.size();
            insert(late, "e-late");
            late.commit();
            following.catchUp();

            assertThat(whileOpen).isZero();
            assertThat(jdbc.queryForList("SELECT e.event_identifier FROM integrity_leaf l JOIN domain_event_entry e "
                    + "ON e.global_index = l.global_position ORDER BY l.leaf_index", String.class))
                    .containsExactly("e-late", "e-after");
        }
    }

    @Test
    void twoInstancesFollowingAtOnceBuildOneTree() {
        for (int i = 0; i < 3000; i++) {
            append("e-" + i);
        }
        FollowingTheLog another = new FollowingTheLog(jdbc, transaction, tree, loggedEvents, 100,
                new SimpleMeterRegistry());

        CompletableFuture.allOf(CompletableFuture.runAsync(following::catchUp),
                CompletableFuture.runAsync(another::catchUp)).join();
        following.catchUp();
        another.catchUp();

        MemoryTree expected = new MemoryTree();
        List<Long> inReadingOrder = jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry ORDER BY tx_id, global_index", Long.class);
        inReadingOrder.forEach(position -> expected.append(LeafEncoding.leafHash(loggedEvents.at(position).orElseThrow())));
        assertThat(tree.size()).isEqualTo(3000);
        assertThat(jdbc.queryForList("SELECT global_position FROM integrity_leaf ORDER BY leaf_index", Long.class))
                .isEqualTo(inReadingOrder);
        assertThat(tree.proofs().root(3000)).isEqualTo(expected.root());
    }

    private void append(String eventId) {
        jdbc.execute((java.sql.Connection connection) -> {
            insert(connection, eventId);
            return null;
        });
    }

    private static void insert(Connection connection, String eventId) throws java.sql.SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry "
                + "(event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload, "
                + "meta_data) VALUES (?, ?, 0, 'Project', now(), 'org.jianhu.contracts.project.ProgressReported', "
                + "convert_to('{\"physicalProgress\":1}', 'UTF8'), convert_to('{\"actorUser\":\"u\"}', 'UTF8'))")) {
            insert.setString(1, eventId);
            insert.setString(2, "project-" + eventId);
            insert.executeUpdate();
        }
    }
}
