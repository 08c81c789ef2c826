package org.jianhu.project.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jianhu.contracts.common.BusinessCalendar;
import org.jianhu.project.support.Api;
import org.jianhu.project.support.RunningService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.project.support.Parties.ACME;
import static org.jianhu.project.support.Parties.QUALITY_STATION;

/**
 * What no user means is refused at every write endpoint, 400 problem+json naming the field, and nothing is
 * recorded: a NUL character, a value longer than its field may be, a date outside 1990–2100, an amount of 1e400.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RefusedInputIT extends RunningService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME_201 = "n".repeat(201);
    private static final String TEXT_4001 = "t".repeat(4001);
    private static final String ID_65 = "i".repeat(65);

    String project;
    String suspended;

    /** A write endpoint with a body it takes, and the fields to spoil in it. */
    private record Endpoint(Api caller, String path, String body) {
    }

    /** One spoiled body and the field the answer must name. */
    private record Refusal(String what, Endpoint endpoint, String body, String field) {
    }

    @BeforeAll
    void aProjectWithSomethingOfEveryKind() {
        project = admin.register("RI-1", "Haishu");
        suspended = admin.register("RI-2", "Haishu");
        String p = "/api/projects/" + project;
        for (var fact : List.of(
                new Endpoint(owner, p + "/milestones", """
                        {"id": "m-1", "title": "Works commence", "type": "delivery", "dueDate": "2025-05-15"}"""),
                new Endpoint(owner, p + "/contracts", """
                        {"id": "c-1", "nature": "construction", "tender": {"procurementMethod": "open",
                         "numberOfTenderers": 3}, "supplier": %s,
                         "contractValue": {"amount": "1000000.00", "currency": "CNY"},
                         "contractPeriod": {"startDate": "2025-05-01", "endDate": "2026-10-31"},
                         "dateSigned": "2025-04-20"}""".formatted(ACME)),
                new Endpoint(owner, p + "/inspections", failedInspection("i-1")),
                new Endpoint(owner, p + "/inspections", failedInspection("i-2")),
                new Endpoint(owner, p + "/inspections/i-2/rectification",
                        "{\"date\": \"2025-07-20\", \"description\": \"cover rebuilt\"}"),
                new Endpoint(admin, "/api/projects/" + suspended + "/suspension",
                        "{\"date\": \"2025-08-01\", \"reason\": \"flood season\"}"))) {
            Api.Response recorded = fact.caller().post(fact.path(), fact.body());
            assertThat(recorded.status()).as(recorded.raw().body()).isEqualTo(200);
        }
    }

    @Test
    void everyWriteEndpointRefusesNulOverlongValuesDatesOutOfRangeAndHugeAmountsRecordingNothing() {
        long events = count("domain_event_entry");
        long codes = count("project_code");
        List<Refusal> refusals = new ArrayList<>();
        String p = "/api/projects/" + project;

        Endpoint registration = new Endpoint(admin, "/api/projects", """
                {"code": "RI-NEW", "title": "Harbour bridge", "type": "construction", "region": "Haishu",
                 "ownerOrganisation": "owner-org", "budget": {"amount": "1000000.00", "currency": "CNY"},
                 "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2027-12-31"}, "supervisors": ["sup-li"]}""");
        refusals.addAll(spoiled(registration, "title", NAME_201, "plannedPeriod.startDate", "budget"));
        refusals.add(refusal(registration, "code", ID_65, "code"));
        refusals.add(refusal(registration, "budget.amount", "1234567890123456789012345678901234567890", "budget"));

        refusals.addAll(spoiled(new Endpoint(admin, p + "/approval", """
                {"approvalDate": "2025-01-10", "approvalDocumentNumber": "FGW-1"}"""),
                "approvalDocumentNumber", NAME_201, "approvalDate", null));
        Endpoint reassignment = new Endpoint(admin, p + "/supervisors", """
                {"supervisors": ["sup-zhao"], "reason": "sup-li moved"}""");
        refusals.addAll(spoiled(reassignment, "reason", TEXT_4001, null, null));
        refusals.add(refusal(reassignment, "supervisors", List.of(ID_65), "supervisors"));
        String datedReason = "{\"date\": \"2025-08-01\", \"reason\": \"flood season\"}";
        refusals.addAll(spoiled(new Endpoint(admin, p + "/suspension", datedReason), "reason", TEXT_4001, "date", null));
        refusals.addAll(spoiled(new Endpoint(admin, "/api/projects/" + suspended + "/resumption", datedReason),
                "reason", TEXT_4001, "date", null));
        refusals.addAll(spoiled(new Endpoint(admin, p + "/cancellation", datedReason), "reason", TEXT_4001, "date", null));
        refusals.addAll(spoiled(new Endpoint(owner, p + "/completion", """
                {"endDate": "2025-12-20", "finalValue": {"amount": "1200000.00", "currency": "CNY"},
                 "finalScope": "bridge"}"""), "finalScope", TEXT_4001, "endDate", "finalValue"));

        Endpoint milestone = new Endpoint(owner, p + "/milestones", """
                {"id": "m-2", "title": "Works commence", "type": "payment", "dueDate": "2025-05-15",
                 "value": {"amount": "1000.00", "currency": "CNY"}}""");
        refusals.addAll(spoiled(milestone, "title", NAME_201, "dueDate", "value"));
        refusals.add(refusal(milestone, "id", ID_65, "milestoneId"));
        refusals.addAll(spoiled(new Endpoint(owner, p + "/milestones/m-1/status", """
                {"status": "met", "dateMet": "2025-05-20"}"""), "status", NAME_201, "dateMet", null));
        Endpoint progress = new Endpoint(owner, p + "/progress", "{\"physicalProgress\": 10, \"date\": \"2025-06-01\"}");
        refusals.addAll(spoiled(progress, "date", NAME_201, "date", null));
        refusals.add(refusal(progress, "physicalProgress", JSON.getNodeFactory().numberNode(new java.math.BigDecimal("1e400")),
                "physicalProgress"));

        Endpoint award = new Endpoint(owner, p + "/contracts", """
                {"id": "c-2", "nature": "construction", "tender": {"procurementMethod": "open",
                 "numberOfTenderers": 3}, "supplier": %s,
                 "contractValue": {"amount": "1000000.00", "currency": "CNY"},
                 "contractPeriod": {"startDate": "2025-05-01", "endDate": "2026-10-31"},
                 "dateSigned": "2025-04-20"}""".formatted(ACME));
        refusals.addAll(spoiled(award, "supplier.name", NAME_201, "contractPeriod.startDate", "contractValue"));
        refusals.addAll(spoiled(award, "supplier.id", NAME_201, "dateSigned", null));
        refusals.add(refusal(award, "id", ID_65, "contractId"));
        Endpoint modification = new Endpoint(owner, p + "/contracts/c-1/modifications", """
                {"id": "mod-1", "date": "2025-07-01", "type": "value", "rationale": "more piles",
                 "newContractValue": {"amount": "1200000.00", "currency": "CNY"}}""");
        refusals.addAll(spoiled(modification, "rationale", TEXT_4001, "date", "newContractValue"));
        refusals.add(refusal(modification, "id", ID_65, "modificationId"));
        Endpoint transaction = new Endpoint(owner, p + "/transactions", """
                {"id": "pay-1", "kind": "payment", "date": "2025-07-02",
                 "value": {"amount": "100000.00", "currency": "CNY"}, "payee": %s}""".formatted(ACME));
        refusals.addAll(spoiled(transaction, "payee.name", NAME_201, "date", "value"));
        refusals.add(refusal(transaction, "id", ID_65, "transactionId"));

        Endpoint inspection = new Endpoint(owner, p + "/inspections", failedInspection("i-3"));
        refusals.addAll(spoiled(inspection, "findings", TEXT_4001, "date", null));
        refusals.addAll(spoiled(inspection, "inspector.name", NAME_201, null, null));
        refusals.add(refusal(inspection, "id", ID_65, "inspectionId"));
        refusals.addAll(spoiled(new Endpoint(owner, p + "/inspections/i-1/rectification",
                "{\"date\": \"2025-07-20\", \"description\": \"cover rebuilt\"}"), "description", TEXT_4001, "date", null));
        refusals.addAll(spoiled(new Endpoint(owner, p + "/inspections/i-2/verification",
                "{\"date\": \"2025-07-25\", \"verifier\": \"sup-li\", \"accepted\": true, \"comment\": \"fine\"}"),
                "verifier", NAME_201, "date", null));

        for (Refusal refusal : refusals) {
            Api.Response answer = refusal.endpoint().caller().post(refusal.endpoint().path(), refusal.body());
            String what = refusal.what() + " at " + refusal.endpoint().path() + ": " + answer.raw().body();
            assertThat(answer.status()).as(what).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(what).startsWith("application/problem+json");
            assertThat(answer.json().get("type").asText()).as(what).isEqualTo("urn:jianhu:problem:invalid-request");
            assertThat(answer.json().at("/errors/0/field").asText()).as(what).isEqualTo(refusal.field());
            assertThat(answer.raw().body()).as(what).doesNotContain("java.", "com.fasterxml");
        }
        assertThat(refusals).hasSizeGreaterThan(16 * 3);
        assertThat(count("domain_event_entry")).isEqualTo(events);
        assertThat(count("project_code")).isEqualTo(codes);
    }

    @Test
    void aDateOfWhatHappenedAfterTodayInShanghaiIsRefusedAtEveryEndpointThatTakesOneRecordingNothing() {
        long events = count("domain_event_entry");
        // two days ahead, so that a run across midnight still asks for a date after the service's today
        String ahead = LocalDate.now(BusinessCalendar.ZONE).plusDays(2).toString();
        String p = "/api/projects/" + project;
        String datedReason = "{\"date\": \"2025-08-01\", \"reason\": \"flood season\"}";
        List<Refusal> refusals = List.of(
                refusal(new Endpoint(admin, p + "/approval", """
                        {"approvalDate": "2025-01-10", "approvalDocumentNumber": "FGW-1"}"""),
                        "approvalDate", ahead, "approvalDate"),
                refusal(new Endpoint(admin, p + "/suspension", datedReason), "date", ahead, "date"),
                refusal(new Endpoint(admin, "/api/projects/" + suspended + "/resumption", datedReason),
                        "date", ahead, "date"),
                refusal(new Endpoint(admin, p + "/cancellation", datedReason), "date", ahead, "date"),
                refusal(new Endpoint(owner, p + "/completion", """
                        {"endDate": "2025-12-20", "finalValue": {"amount": "1200000.00", "currency": "CNY"},
                         "finalScope": "bridge"}"""), "endDate", ahead, "endDate"),
                refusal(new Endpoint(owner, p + "/milestones/m-1/status", """
                        {"status": "met", "dateMet": "2025-05-20"}"""), "dateMet", ahead, "dateMet"),
                refusal(new Endpoint(owner, p + "/progress", "{\"physicalProgress\": 10, \"date\": \"2025-06-01\"}"),
                        "date", ahead, "date"),
                refusal(new Endpoint(owner, p + "/contracts", """
                        {"id": "c-3", "nature": "construction", "tender": {"procurementMethod": "open",
                         "numberOfTenderers": 3}, "supplier": %s,
                         "contractValue": {"amount": "1000000.00", "currency": "CNY"},
                         "contractPeriod": {"startDate": "2025-05-01", "endDate": "2026-10-31"},
                         "dateSigned": "2025-04-20"}""".formatted(ACME)), "dateSigned", ahead, "dateSigned"),
                refusal(new Endpoint(owner, p + "/contracts/c-1/modifications", """
                        {"id": "mod-9", "date": "2025-07-01", "type": "scope", "description": "more piles",
                         "rationale": "ground"}"""), "date", ahead, "date"),
                refusal(new Endpoint(owner, p + "/transactions", """
                        {"id": "pay-9", "kind": "payment", "date": "2025-07-02",
                         "value": {"amount": "100000.00", "currency": "CNY"}, "payee": %s}""".formatted(ACME)),
                        "date", ahead, "date"),
                refusal(new Endpoint(owner, p + "/inspections", failedInspection("i-9")), "date", ahead, "date"),
                refusal(new Endpoint(owner, p + "/inspections/i-1/rectification",
                        "{\"date\": \"2025-07-20\", \"description\": \"cover rebuilt\"}"), "date", ahead, "date"),
                refusal(new Endpoint(owner, p + "/inspections/i-2/verification",
                        "{\"date\": \"2025-07-25\", \"verifier\": \"sup-li\", \"accepted\": true}"),
                        "date", ahead, "date"));

        for (Refusal refusal : refusals) {
            Api.Response answer = refusal.endpoint().caller().post(refusal.endpoint().path(), refusal.body());
            String what = refusal.what() + " at " + refusal.endpoint().path() + ": " + answer.raw().body();
            assertThat(answer.status()).as(what).isEqualTo(400);
            assertThat(answer.json().get("type").asText()).as(what).isEqualTo("urn:jianhu:problem:invalid-request");
            assertThat(answer.json().at("/errors/0/field").asText()).as(what).isEqualTo(refusal.field());
            assertThat(answer.json().at("/errors/0/message").asText()).as(what)
                    .startsWith(refusal.field() + " is in the future: " + ahead + " is after today, ");
        }
        assertThat(count("domain_event_entry")).isEqualTo(events);
    }

    /**
     * The endpoint's body with a NUL in its text field, that field too long, its date in 1989 and its amount 1e400
     * (where it has a date or an amount); refusals at parsing name the field as sent, the project's by its command.
     */
    private static List<Refusal> spoiled(Endpoint endpoint, String textField, String tooLong, String dateField,
                                         String moneyField) {
        List<Refusal> refusals = new ArrayList<>();
        refusals.add(refusal(endpoint, textField, "with a NUL\u0000inside", textField));
        refusals.add(refusal(endpoint, textField, tooLong, textField));
        if (dateField != null) {
            refusals.add(refusal(endpoint, dateField, "1989-12-31", dateField));
        }
        if (moneyField != null) {
            refusals.add(refusal(endpoint, moneyField + ".amount", "1e400", moneyField));
        }
        return refusals;
    }

    private static Refusal refusal(Endpoint endpoint, String path, Object value, String field) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(endpoint.body());
            String[] steps = path.split("\\.");
            ObjectNode parent = body;
            for (int i = 0; i < steps.length - 1; i++) {
                parent = (ObjectNode) parent.get(steps[i]);
            }
            parent.set(steps[steps.length - 1], value instanceof JsonNode node ? node : JSON.valueToTree(value));
            return new Refusal(path + " = " + abbreviated(value), endpoint, JSON.writeValueAsString(body), field);
        } catch (java.io.IOException unreadable) {
            throw new IllegalArgumentException(unreadable);
        }
    }

    private static String abbreviated(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "… (" + text.length() + ")" : text;
    }

    private static String failedInspection(String id) {
        return """
                {"id": "%s", "inspector": %s, "date": "2025-07-10", "scope": "pier 3", "result": "failed",
                 "findings": "cover too thin", "rectificationDeadline": "2025-08-10"}""".formatted(id, QUALITY_STATION);
    }

    private long count(String table) {
        Long rows = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return rows == null ? 0 : rows;
    }
}
