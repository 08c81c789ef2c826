package org.jianhu.project.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.project.integrity.AuditorsDesk;
import org.jianhu.project.support.RunningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.project.support.Parties.ACME;
import static org.jianhu.project.support.Parties.FINANCE;

/**
 * Events stored by the code before parties and business dates (revision 1: supplier, payer, payee and inspector
 * as strings, an award without {@code dateSigned}), written into the store as rows exactly as its engine wrote
 * them, keep loading: the project takes new commands, its state shows them lifted (a bare name as a party's id and
 * name, the award dated on the business date it was recorded), the register lists it, and the history, the
 * global log and the record's tree still hold the stored bytes, unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jianhu.integrity.checkpoint-interval=1s",
        "jianhu.integrity.key-file=target/integrity-keys/${random.uuid}.pem"})
class OlderRevisionsIT extends RunningService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MOMENTS = Duration.ofSeconds(20);
    /** 17:30 UTC on 20 April 2025 is already 21 April in Asia/Shanghai. */
    private static final Instant AWARD_RECORDED = Instant.parse("2025-04-20T17:30:00Z");

    @TempDir
    Path desk;

    @Test
    void aProjectRecordedInRevisionOneLoadsTakesNewCommandsAndKeepsItsStoredBytes() throws Exception {
        String projectId = UUID.randomUUID().toString();
        Map<Long, String> stored = new LinkedHashMap<>();
        stored.put(append(projectId, 0, "ProjectRegistered", Instant.parse("2025-03-01T02:00:00Z"), ADMIN_METADATA, """
                {"projectId":"%s","code":"OLD-1","title":"Harbour bridge","type":"construction","region":"Haishu",\
                "ownerOrganisation":"owner-org","budget":{"amount":"100000000.00","currency":"CNY"},\
                "plannedPeriod":{"startDate":"2025-01-01","endDate":"2027-12-31"},"supervisors":["sup-li"]}"""
                .formatted(projectId)), null);
        stored.put(append(projectId, 1, "ContractAwarded", AWARD_RECORDED, OWNER_METADATA, """
                {"projectId":"%s","contractId":"c-1","nature":"construction","procurementMethod":"open",\
                "numberOfTenderers":3,"supplier":"acme","contractValue":{"amount":"1000000.00","currency":"CNY"},\
                "contractPeriod":{"startDate":"2025-05-01","endDate":"2026-10-31"}}""".formatted(projectId)), null);
        stored.put(append(projectId, 2, "TransactionRecorded", Instant.parse("2025-07-02T03:00:00Z"), OWNER_METADATA, """
                {"projectId":"%s","transactionId":"pay-1","kind":"payment","date":"2025-07-02",\
                "value":{"amount":"100000.00","currency":"CNY"},"payer":"finance-bureau","payee":"acme",\
                "contractId":"c-1"}""".formatted(projectId)), null);
        stored.put(append(projectId, 3, "InspectionRecorded", Instant.parse("2025-07-10T03:00:00Z"), OWNER_METADATA, """
                {"projectId":"%s","inspectionId":"i-1","inspector":"sup-li","date":"2025-07-10","scope":"pier 3",\
                "result":"failed","findings":"cover too thin","rectificationDeadline":"2025-08-10"}"""
                .formatted(projectId)), null);
        stored.replaceAll((position, none) -> storedPayload(position));
        String path = "/api/projects/" + projectId;

        // the aggregate loads through the upcaster and decides on a payment on the old contract
        var paid = owner.post(path + "/transactions", """
                {"id": "pay-2", "kind": "payment", "date": "2025-08-01",
                 "value": {"amount": "200000.00", "currency": "CNY"}, "payer": %s, "payee": %s, "contractId": "c-1"}"""
                .formatted(FINANCE, ACME));
        assertThat(paid.status()).as(paid.raw().body()).isEqualTo(200);
        assertThat(paid.json().get("version").asLong()).isEqualTo(4);
        assertThat(owner.post(path + "/inspections/i-1/rectification",
                "{\"date\": \"2025-07-20\", \"description\": \"cover rebuilt\"}").status()).isEqualTo(200);

        JsonNode state = owner.get(path).json();
        assertThat(state.at("/contracts/c-1/supplier")).isEqualTo(party("acme"));
        assertThat(state.at("/contracts/c-1/dateSigned").asText()).isEqualTo("2025-04-21");
        assertThat(state.at("/contracts/c-1/paid/amount").asText()).isEqualTo("300000.00");
        assertThat(state.at("/transactions/pay-1/payer")).isEqualTo(party("finance-bureau"));
        assertThat(state.at("/transactions/pay-1/payee")).isEqualTo(party("acme"));
        assertThat(state.at("/transactions/pay-2/payee/id").asText()).isEqualTo("CN-USCC-91330200MA2AB1234X");
        assertThat(state.at("/inspections/i-1/inspector")).isEqualTo(party("sup-li"));
        JsonNode then = owner.get(path + "?asOf=" + AWARD_RECORDED).json();
        assertThat(then.at("/contracts/c-1/dateSigned").asText()).isEqualTo("2025-04-21");

        // the register, an Axon processor reading through the same upcaster, lists it with every event
        await().atMost(MOMENTS).untilAsserted(() -> assertThat(listed(projectId).get("version").asLong()).isEqualTo(5));
        assertThat(admin.get("/api/projects/parked").json().get("items")).isEmpty();

        // history and global log serve the stored payloads with their revision, as the rows hold them
        List<JsonNode> history = List.copyOf(toList(auditor.get(path + "/history").json()));
        assertThat(history).hasSize(6);
        for (JsonNode event : history.subList(0, 4)) {
            long position = event.get("globalPosition").asLong();
            assertThat(event.get("revision").asText()).isEqualTo("1");
            assertThat(event.get("payload")).isEqualTo(JSON.readTree(stored.get(position)));
            assertThat(storedPayload(position)).as("the row is never rewritten").isEqualTo(stored.get(position));
        }
        assertThat(history.get(4).get("revision").asText()).isEqualTo("2");
        List<JsonNode> log = auditor.ndjson("/api/events?project=" + projectId);
        assertThat(log).hasSize(6);
        assertThat(log.subList(0, 4)).allSatisfy(event -> {
            assertThat(event.get("revision").asText()).isEqualTo("1");
            assertThat(event.get("payload")).isEqualTo(JSON.readTree(stored.get(event.get("globalPosition").asLong())));
        });

        // the record's tree is over the stored bytes: the export verifies offline against the signed checkpoints
        long events = count();
        await().atMost(MOMENTS).until(() -> latestCheckpointSize() == events);
        AuditorsDesk auditorsDesk = new AuditorsDesk(auditor, desk);
        auditorsDesk.keepCheckpoints();
        AuditorsDesk.Verification verification = auditorsDesk.verify(auditorsDesk.key());
        assertThat(verification.exit()).as(verification.output()).isZero();
        assertThat(verification.output()).startsWith("verified: " + events + " events");
    }

    private static final String ADMIN_METADATA = """
            {"correlationId":"%s","actorOrganisation":"development-commission","actorUser":"admin-chen",\
            "actorRole":"admin"}""";
    private static final String OWNER_METADATA = """
            {"correlationId":"%s","actorOrganisation":"owner-org","actorUser":"owner-wang","actorRole":"owner"}""";

    /** Appends an event row of revision 1 as the storage engine wrote it, recorded at {@code at}. */
    private long append(String projectId, long sequence, String type, Instant at, String metadata, String payload) {
        Long position = jdbc.queryForObject("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, "
                        + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                        + "VALUES (?, ?, ?, 'Project', ?, ?, '1', ?, ?) RETURNING global_index", Long.class,
                UUID.randomUUID().toString(), projectId, sequence, java.sql.Timestamp.from(at),
                "org.jianhu.contracts.project." + type, bytes(payload),
                bytes(metadata.formatted(UUID.randomUUID())));
        return position == null ? -1 : position;
    }

    private String storedPayload(long position) {
        return new String(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?",
                byte[].class, position), StandardCharsets.UTF_8);
    }

    private long count() {
        Long rows = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return rows == null ? 0 : rows;
    }

    private long latestCheckpointSize() {
        JsonNode checkpoints = auditor.get("/api/integrity/checkpoints?limit=1000").json();
        return checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).get("size").asLong();
    }

    private JsonNode listed(String projectId) {
        for (JsonNode row : auditor.get("/api/projects?limit=500").json().get("items")) {
            if (row.get("projectId").asText().equals(projectId)) {
                return row;
            }
        }
        return JSON.createObjectNode();
    }

    private static JsonNode party(String bareName) {
        return JSON.createObjectNode().put("id", bareName).put("name", bareName);
    }

    private static List<JsonNode> toList(JsonNode array) {
        var list = new java.util.ArrayList<JsonNode>();
        array.forEach(list::add);
        return list;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
