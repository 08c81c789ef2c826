package org.jianhu.project.integrity;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jianhu.project.integrity.checkpoint.Checkpoints;
import org.jianhu.project.integrity.checkpoint.SigningCheckpoints;
import org.jianhu.project.integrity.checkpoint.SigningStatus;
import org.jianhu.project.integrity.tree.FollowingTheLog;
import org.jianhu.project.integrity.tree.LoggedEvents;
import org.jianhu.project.integrity.tree.StoredTree;
import org.jianhu.project.support.Api;
import org.jianhu.testsupport.RealInfrastructure;
import org.jianhu.verifier.event.LeafEncoding;
import org.jianhu.verifier.note.NoteSigner;
import org.jianhu.verifier.note.VerifierKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.project.support.Parties.ACME;

/**
 * A DBA rewrites the record with plain SQL after checkpoints were signed and kept (an auditor fetched each one as
 * it was signed), and the offline verifier, given a fresh export, the log's key and the kept checkpoints, names
 * the position where the record differs, for each of issue 14's six tamperings. Following and signing are driven
 * by the test (their schedules are an hour), one checkpoint after every event, so that the kept checkpoints name
 * events exactly. Each test starts from the same record, put back from copies taken once.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jianhu.integrity.follow-interval=1h", "jianhu.integrity.checkpoint-interval=1h",
        "jianhu.integrity.publish-interval=1h", "jianhu.integrity.key-file=target/integrity-keys/${random.uuid}.pem"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TamperingIT {

    private static final List<String> TABLES = List.of("domain_event_entry", "integrity_tree", "integrity_leaf",
            "integrity_node", "integrity_checkpoint");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    FollowingTheLog following;
    @Autowired
    SigningCheckpoints signing;
    @Autowired
    @Qualifier("integrity")
    SigningStatus signingStatus;
    @Autowired
    StoredTree tree;
    @Autowired
    Checkpoints checkpoints;
    @Autowired
    LoggedEvents loggedEvents;

    Callers callers;
    VerifierKey logKey;
    List<Long> positions;
    String project;
    AuditorsDesk desk;

    @BeforeAll
    void recordEventsWithACheckpointAfterEachThatAnAuditorKeeps() {
        callers = Callers.at(port);
        project = callers.admin().register("TM-1", "Haishu");
        signed();
        String other = callers.admin().register("TM-2", "Beilun");
        signed();
        for (int i = 1; i <= 3; i++) {
            progress(project, 10 * i);
            progress(other, 5 * i);
        }
        callers.owner().post("/api/projects/" + project + "/transactions", """
                {"id": "pay-1", "kind": "payment", "date": "2025-05-01",
                 "value": {"amount": "1000000.00", "currency": "CNY"}, "payee": %s}""".formatted(ACME));
        signed();
        logKey = VerifierKey.parse(callers.auditor().get("/api/integrity/key").raw().body());
        positions = jdbc.queryForList("SELECT global_index FROM domain_event_entry ORDER BY tx_id, global_index",
                Long.class);
        assertThat(positions).hasSize(9);
        assertThat(checkpoints.after(0, 100)).extracting(checkpoint -> checkpoint.size())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        TABLES.forEach(table -> jdbc.execute("CREATE TABLE pristine_" + table + " AS SELECT * FROM " + table));
    }

    @BeforeEach
    void putTheRecordBackAndKeepItsCheckpoints(@TempDir Path auditorsDisk) {
        transaction.executeWithoutResult(status -> TABLES.forEach(table -> {
            jdbc.execute("DELETE FROM " + table);
            jdbc.execute("INSERT INTO " + table + (table.equals("domain_event_entry") ? " OVERRIDING SYSTEM VALUE" : "")
                    + " SELECT * FROM pristine_" + table);
        }));
        desk = new AuditorsDesk(callers.auditor(), auditorsDisk);
        desk.keepCheckpoints();
    }

    @Test
    void anUntouchedRecordVerifies() {
        AuditorsDesk.Verification verification = desk.verify(logKey);

        assertThat(verification.exit()).as(verification.output()).isZero();
        assertThat(verification.output()).isEqualTo("verified: 9 events, 9 checkpoints; the first 9 events have the "
                + "root the log signed at size 9 (9.note)\n");
    }

    @Test
    void aChangedPayloadIsNamedByItsPosition() {
        long changed = positions.get(4);
        changePayload(changed);

        AuditorsDesk.Verification verification = desk.verify(logKey);

        assertThat(verification.exit()).isEqualTo(1);
        assertThat(headline(verification)).isEqualTo("the record differs at position " + changed + " (leaf 4): event "
                + eventId(4) + " at position " + changed + " is not the event the log's tree recorded there: it was"
                + " changed after it was recorded");
    }

    @Test
    void aDeletedRowIsNamedByTheLeafItLeftEmptyBetweenItsNeighbours() {
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", positions.get(5));

        AuditorsDesk.Verification verification = desk.verify(logKey);

        assertThat(verification.exit()).isEqualTo(1);
        assertThat(headline(verification)).startsWith("the record differs at position " + positions.get(6)
                + " (leaf 5): ").endsWith("an event between positions " + positions.get(4) + " and "
                + positions.get(6) + " is missing");
    }

    @Test
    void twoRowsWithSwappedPayloadsAreNamedFromTheFirst() {
        jdbc.update("UPDATE domain_event_entry e SET payload = other.payload FROM domain_event_entry other "
                        + "WHERE (e.global_index, other.global_index) IN ((?, ?), (?, ?))",
                positions.get(2), positions.get(6), positions.get(6), positions.get(2));

        AuditorsDesk.Verification verification = desk.verify(logKey);

        assertThat(verification.exit()).isEqualTo(1);
        assertThat(headline(verification)).startsWith("the record differs at position " + positions.get(2)
                + " (leaf 2): ");
        assertThat(verification.output()).contains("also: position " + positions.get(6) + " (leaf 6): ");
    }

    @Test
    void aRowReInsertedWithANewPositionIsNamedWhereItWasTaken() {
        jdbc.update("WITH moved AS (DELETE FROM domain_event_entry WHERE global_index = ? RETURNING event_identifier, "
                + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
                + "meta_data) INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                + "type, time_stamp, payload_type, payload_revision, payload, meta_data) SELECT * FROM moved",
                positions.get(3));
        following.catchUp();

        AuditorsDesk.Verification verification = desk.verify(logKey);

        assertThat(verification.exit()).isEqualTo(1);
        assertThat(headline(verification)).startsWith("the record differs at position " + positions.get(4)
                + " (leaf 3): ").endsWith("an event between positions " + positions.get(2) + " and "
                + positions.get(4) + " is missing");
        assertThat(tree.size()).as("the service went on following: the moved row is a new leaf").isEqualTo(10);
    }

    @Test
    void treeTablesRewrittenToMatchAChangedLogAreCaughtByTheSignedRootAndTheLogRefusesToSignOverThem()
            throws IOException {
        long changed = positions.get(4);
        changePayload(changed);
        jdbc.execute(new String(getClass().getResourceAsStream("/integrity/rewrite-the-tree.sql").readAllBytes(),
                StandardCharsets.UTF_8).formatted(4));
        assertThat(tree.leafHash(4)).as("the SQL computes the documented leaf encoding")
                .isEqualTo(LeafEncoding.leafHash(loggedEvents.at(changed).orElseThrow()));

        AuditorsDesk.Verification verification = desk.verify(logKey);
        progress(project, 90);
        following.catchUp();

        assertThat(verification.exit()).isEqualTo(1);
        assertThat(headline(verification)).isEqualTo("the record differs at position " + changed + " (leaf 4): the "
                + "first 5 events do not have the root the log signed in checkpoint 5.note (size 5), though the first"
                + " 4 do: this event differs from what was signed");
        assertThat(signing.signIfGrown()).as("no checkpoint over the rewritten tree").isEmpty();
        assertThat(signingStatus.health().getStatus().getCode()).isEqualTo("DOWN");
        assertThat(signingStatus.health().getDetails().get("refusedToSign").toString())
                .contains("does not extend the checkpoint of 9 leaves").contains("the tree was rewritten");
    }

    @Test
    void aLogAndTreeRebuiltAndReSignedWithANewKeyFailTheKeptCheckpointsAndTheNewOnesAreNotTheLogs() {
        long changed = positions.get(1);
        changePayload(changed);
        jdbc.execute("DELETE FROM integrity_leaf; DELETE FROM integrity_node; DELETE FROM integrity_checkpoint; "
                + "UPDATE integrity_tree SET size = 0, last_tx_id = '0', last_global_index = 0");
        following.catchUp();
        SigningCheckpoints impostor = new SigningCheckpoints(jdbc, transaction, tree, checkpoints, newKey(),
                new SigningStatus(), new SimpleMeterRegistry());
        assertThat(impostor.signIfGrown()).isPresent();
        checkpoints.after(0, 100).forEach(checkpoint -> desk.keep("new-" + checkpoint.size() + ".note",
                checkpoint.note()));

        AuditorsDesk.Verification verification = desk.verify(logKey);

        assertThat(verification.exit()).isEqualTo(1);
        assertThat(headline(verification)).isEqualTo("the record differs at position " + changed + " (leaf 1): the "
                + "first 2 events do not have the root the log signed in checkpoint 2.note (size 2), though the first"
                + " 1 do: this event differs from what was signed");
        assertThat(verification.output()).contains("also: checkpoint new-9.note is not the log's: it carries no "
                + "signature of the key " + logKey.name() + "+");
        assertThat(signing.signIfGrown()).as("the log's own signer does not sign over another key's").isEmpty();
        assertThat(signingStatus.health().getDetails().get("refusedToSign").toString())
                .contains("the stored checkpoint of 9 leaves is not the log's");
    }

    @Test
    void checkpointsDeletedFromTheDatabaseDoNotLetTheLogSignAgainWhereTheyWere() {
        jdbc.update("DELETE FROM integrity_checkpoint WHERE tree_size > 7");
        progress(project, 95);

        assertThat(signingStatus.health().getStatus().getCode()).isEqualTo("DOWN");
        assertThat(signingStatus.health().getDetails().get("refusedToSign").toString())
                .contains("the checkpoint of 9 leaves this instance signed is no longer stored");
        assertThat(checkpoints.latest().orElseThrow().size()).isEqualTo(7);
    }

    private void changePayload(long position) {
        int changed = jdbc.update("UPDATE domain_event_entry SET payload = convert_to(jsonb_set(convert_from(payload, "
                + "'UTF8')::jsonb, '{physicalProgress}', '99')::text, 'UTF8') WHERE global_index = ?", position);
        assertThat(changed).isEqualTo(1);
    }

    private void progress(String projectId, int percent) {
        assertThat(callers.owner().post("/api/projects/" + projectId + "/progress",
                "{\"physicalProgress\": " + percent + ", \"date\": \"2025-06-01\"}").status()).isEqualTo(200);
        signed();
    }

    /**
     * Takes every recorded event into the tree, then signs. The tree reads only behind the oldest open transaction
     * of the server, so a transaction of another test's service can hold the newest event back for a moment: wait
     * for it rather than sign a checkpoint that skips a size.
     */
    private void signed() {
        long recorded = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            following.catchUp();
            return tree.size() == recorded;
        });
        signing.signIfGrown();
    }

    private String eventId(int leaf) {
        return jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry WHERE global_index = ?",
                String.class, positions.get(leaf));
    }

    private static String headline(AuditorsDesk.Verification verification) {
        return verification.output().lines().findFirst().orElse("");
    }

    private static NoteSigner newKey() {
        try {
            return new NoteSigner("jianhu.local/project-log", KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
