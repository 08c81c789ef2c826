package org.jianhu.project.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.project.integrity.publishing.CheckpointExchange;
import org.jianhu.project.integrity.tree.LoggedEvents;
import org.jianhu.project.support.Api;
import org.jianhu.testsupport.BoundQueue;
import org.jianhu.testsupport.RealInfrastructure;
import org.jianhu.verifier.event.LeafEncoding;
import org.jianhu.verifier.note.SignedCheckpoint;
import org.jianhu.verifier.note.VerifierKey;
import org.jianhu.verifier.tree.ConsistencyProof;
import org.jianhu.verifier.tree.InclusionProof;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The record's integrity through the service's API, with the log following and signing on its own schedule
 * (every second here): checkpoints, the key, proofs that verify with the verifier module's code, the export
 * verified offline, a tlog-proof, the exchange, who may ask, and how questions it cannot answer are refused.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jianhu.integrity.checkpoint-interval=1s",
        "jianhu.integrity.key-file=target/integrity-keys/${random.uuid}.pem"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrityApiIT {

    private static final Duration A_FEW_INTERVALS = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Value("${jianhu.amqp.prefix}")
    String amqpPrefix;
    @Autowired
    LoggedEvents loggedEvents;
    @TempDir
    Path desk;

    Callers callers;
    BoundQueue published;

    @BeforeAll
    void connect() {
        callers = Callers.at(port);
        published = BoundQueue.bind(CheckpointExchange.name(amqpPrefix), CheckpointExchange.ROUTING_KEY);
    }

    @AfterAll
    void disconnect() throws Exception {
        published.close();
    }

    @Test
    void everyNewEventIsCoveredBySignedCheckpointWithinTheIntervalSignedByThePublishedKey() {
        long position = progressReportedOn(callers.admin().register("IN-1", "Haishu"), 10);

        SignedCheckpoint checkpoint = checkpointCovering(position);

        assertThat(checkpoint.checkpoint().origin()).isEqualTo("jianhu.local/project-log");
        assertThat(callers.auditor().get("/api/integrity/checkpoint").header("Content-Type")).startsWith("text/plain");
    }

    @Test
    void noCheckpointIsSignedWhileTheLogDoesNotGrow() {
        progressReportedOn(callers.admin().register("IN-2", "Haishu"), 20);
        await().atMost(A_FEW_INTERVALS).until(() -> checkpointCount() > 0 && latestCheckpoint().size() == treeSize());
        long signed = checkpointCount();

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> checkpointCount() == signed);
    }

    @Test
    void anInclusionProofLeadsFromTheEventsLeafToTheSignedRoot() {
        long position = progressReportedOn(callers.admin().register("IN-3", "Yinzhou"), 30);
        SignedCheckpoint checkpoint = checkpointCovering(position);

        Api.Response answer = callers.auditor().get("/api/integrity/proofs/inclusion?position=" + position);
        JsonNode proof = answer.json();

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertThat(proof.get("position").asLong()).isEqualTo(position);
        assertThat(proof.get("treeSize").asLong()).isEqualTo(checkpoint.size());
        assertThat(bytes(proof.get("root"))).isEqualTo(checkpoint.root());
        byte[] leafHash = LeafEncoding.leafHash(loggedEvents.at(position).orElseThrow());
        assertThat(bytes(proof.get("leafHash"))).isEqualTo(leafHash);
        assertThat(new InclusionProof(proof.get("leafIndex").asLong(), checkpoint.size(), hashes(proof.get("proof")))
                .fault(leafHash, checkpoint.root())).isEmpty();
    }

    @Test
    void aConsistencyProofShowsTheLaterCheckpointExtendingTheEarlierOne() {
        String projectId = callers.admin().register("IN-4", "Beilun");
        SignedCheckpoint earlier = await().atMost(A_FEW_INTERVALS).until(this::latestCheckpoint,
                latest -> latest != null && latest.size() == treeSize());
        progressReportedOn(projectId, 40);
        SignedCheckpoint later = await().atMost(A_FEW_INTERVALS).until(this::latestCheckpoint,
                latest -> latest.size() > earlier.size());

        JsonNode proof = callers.auditor().get("/api/integrity/proofs/consistency?from=" + earlier.size() + "&to="
                + later.size()).json();

        assertThat(bytes(proof.get("fromRoot"))).isEqualTo(earlier.root());
        assertThat(bytes(proof.get("toRoot"))).isEqualTo(later.root());
        assertThat(new ConsistencyProof(earlier.size(), later.size(), hashes(proof.get("proof")))
                .fault(earlier.root(), later.root())).isEmpty();
    }

    @Test
    void theExportVerifiesOfflineAgainstTheCheckpointsAnAuditorKept() {
        progressReportedOn(callers.admin().register("IN-5", "Zhenhai"), 50);
        await().atMost(A_FEW_INTERVALS).until(() -> checkpointCount() > 0 && latestCheckpoint().size() == treeSize());
        AuditorsDesk auditorsDesk = new AuditorsDesk(callers.auditor(), desk);
        auditorsDesk.keepCheckpoints();

        AuditorsDesk.Verification verification = auditorsDesk.verify(auditorsDesk.key());

        assertThat(verification.exit()).as(verification.output()).isZero();
        assertThat(verification.output()).startsWith("verified: " + treeSize() + " events");
    }

    @Test
    void anEventsTlogProofVerifiesOfflineAndShowsTheEvent() {
        long position = progressReportedOn(callers.admin().register("IN-6", "Jiangbei"), 60);
        checkpointCovering(position);
        Api.Response file = callers.auditor().get("/api/events/" + position + "/proof");

        AuditorsDesk.Verification verification = new AuditorsDesk(callers.auditor(), desk)
                .verifyProof(file.raw().body(), verifierKey());

        assertThat(file.header("Content-Disposition")).contains("event-" + position + ".tlog-proof");
        assertThat(file.raw().body()).startsWith("c2sp.org/tlog-proof@v1\nextra ");
        assertThat(verification.exit()).as(verification.output()).isZero();
        assertThat(verification.output()).contains("at position " + position)
                .contains("org.jianhu.contracts.project.ProgressReported");
    }

    @Test
    void everySignedCheckpointIsPublishedOnTheExchange() {
        progressReportedOn(callers.admin().register("IN-7", "Cixi"), 70);
        SignedCheckpoint checkpoint = await().atMost(A_FEW_INTERVALS).until(this::latestCheckpoint,
                latest -> latest != null && latest.size() == treeSize());

        BoundQueue.Delivery delivery = await().atMost(A_FEW_INTERVALS).until(() -> published.received().stream()
                .filter(message -> message.properties().getMessageId().endsWith("/" + checkpoint.size()))
                .findFirst().orElse(null), message -> message != null);

        assertThat(new String(delivery.body(), StandardCharsets.UTF_8)).isEqualTo(checkpoint.note().encoded());
        assertThat(delivery.properties().getHeaders().get(CheckpointExchange.HEADER_TREE_SIZE).toString())
                .isEqualTo(Long.toString(checkpoint.size()));
    }

    @Test
    void onlyAuditorsAndAdminsAskForTheRecordsIntegrity() {
        long position = progressReportedOn(callers.admin().register("IN-8", "Ninghai"), 80);
        checkpointCovering(position);
        List<String> paths = List.of("/api/integrity/checkpoint", "/api/integrity/key", "/api/integrity/checkpoints",
                "/api/integrity/proofs/inclusion?position=" + position, "/api/integrity/proofs/consistency?from=1&to=1",
                "/api/events/" + position + "/proof");
        List<Api> refused = List.of(callers.owner(), new Api(port, "sup-li", "supervisor", null, "Ninghai"),
                new Api(port, "supervision-service", "service", null, null));

        for (String path : paths) {
            for (Api caller : refused) {
                Api.Response response = caller.get(path);
                assertThat(response.status()).as(path).isEqualTo(403);
                assertThat(response.json().get("type").asText()).isEqualTo("urn:jianhu:problem:forbidden");
                assertThat(response.json().get("detail").asText()).contains("for auditors and admins");
            }
            assertThat(callers.admin().get(path).status()).as(path).isEqualTo(200);
            assertThat(callers.auditor().get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void questionsTheTreeCannotAnswerAreProblemsInPlainWords() {
        long position = progressReportedOn(callers.admin().register("IN-9", "Fenghua"), 90);
        await().atMost(A_FEW_INTERVALS).until(() -> leafOf(position) >= 0);

        Api.Response unknown = callers.auditor().get("/api/integrity/proofs/inclusion?position=999999");
        Api.Response tooLarge = callers.auditor().get("/api/integrity/proofs/inclusion?position=" + position
                + "&size=999999");
        Api.Response fromEmpty = callers.auditor().get("/api/integrity/proofs/consistency?from=0&to=1");
        Api.Response notANumber = callers.auditor().get("/api/integrity/proofs/consistency?from=one&to=1");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("no event at global position 999999");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().at("/errors/0/field").asText()).isEqualTo("size");
        assertThat(fromEmpty.status()).isEqualTo(400);
        assertThat(fromEmpty.json().at("/errors/0/field").asText()).isEqualTo("from");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().at("/errors/0/field").asText()).isEqualTo("from");
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theOpenApiDocumentDescribesTheIntegrityApi() {
        JsonNode paths = callers.auditor().get("/v3/api-docs").json().get("paths");

        assertThat(paths.has("/api/integrity/checkpoint")).isTrue();
        assertThat(paths.has("/api/integrity/key")).isTrue();
        assertThat(paths.has("/api/integrity/checkpoints")).isTrue();
        assertThat(paths.has("/api/integrity/proofs/inclusion")).isTrue();
        assertThat(paths.has("/api/integrity/proofs/consistency")).isTrue();
        assertThat(paths.has("/api/events/{globalPosition}/proof")).isTrue();
        assertThat(paths.at("/~1api~1integrity~1proofs~1inclusion/get/responses").has("4XX")).isTrue();
    }

    private long progressReportedOn(String projectId, int percent) {
        callers.owner().post("/api/projects/" + projectId + "/progress",
                "{\"physicalProgress\": " + percent + ", \"date\": \"2025-06-01\"}");
        JsonNode history = callers.auditor().get("/api/projects/" + projectId + "/history").json();
        return history.get(history.size() - 1).get("globalPosition").asLong();
    }

    /** Waits for the first checkpoint whose tree holds the event at this position. */
    private SignedCheckpoint checkpointCovering(long position) {
        long leaf = await().atMost(A_FEW_INTERVALS).until(() -> leafOf(position), index -> index >= 0);
        return await().atMost(A_FEW_INTERVALS).until(this::latestCheckpoint,
                latest -> latest != null && latest.size() > leaf);
    }

    private SignedCheckpoint latestCheckpoint() {
        Api.Response latest = callers.auditor().get("/api/integrity/checkpoint");
        return latest.status() == 200 ? SignedCheckpoint.verify(latest.raw().body(), verifierKey()) : null;
    }

    private VerifierKey verifierKey() {
        return VerifierKey.parse(callers.auditor().get("/api/integrity/key").raw().body());
    }

    private long checkpointCount() {
        return callers.auditor().get("/api/integrity/checkpoints?limit=1000").json().size();
    }

    private long treeSize() {
        return callers.auditor().ndjson("/api/events").size();
    }

    /** The event's leaf index, as the export shows it, or -1 while the tree does not have it. */
    private long leafOf(long position) {
        return callers.auditor().ndjson("/api/events").stream()
                .filter(line -> line.get("globalPosition").asLong() == position && line.has("leaf"))
                .mapToLong(line -> line.at("/leaf/index").asLong())
                .findFirst().orElse(-1);
    }

    private static byte[] bytes(JsonNode base64) {
        return Base64.getDecoder().decode(base64.asText());
    }

    private static List<byte[]> hashes(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(IntegrityApiIT::bytes).toList();
    }
}
