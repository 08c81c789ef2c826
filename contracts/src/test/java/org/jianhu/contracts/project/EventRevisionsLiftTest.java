package org.jianhu.contracts.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.jianhu.contracts.common.OrganisationReference;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class EventRevisionsLiftTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    /** As the code before parties and business dates stored it. */
    private static final String AWARD_OF_REVISION_1 = """
            {"projectId":"p-1","contractId":"C-1","nature":"construction","procurementMethod":"open",
             "numberOfTenderers":3,"tenderPeriod":null,"costEstimate":null,"supplier":"haixing",
             "contractValue":{"amount":"1000000","currency":"CNY"},
             "contractPeriod":{"startDate":"2025-01-01","endDate":"2025-12-31"}}""";

    @Test
    void anAwardOfRevisionOneIsDatedOnTheBusinessDateItWasRecordedAndItsSupplierBecomesAParty() throws Exception {
        // 2025-03-01T17:30Z is already 2 March in Asia/Shanghai.
        JsonNode lifted = EventRevisions.lift("ContractAwarded", "1", json.readTree(AWARD_OF_REVISION_1),
                Instant.parse("2025-03-01T17:30:00Z"));

        ContractAwarded award = json.treeToValue(lifted, ContractAwarded.class);

        assertThat(award.dateSigned()).isEqualTo(LocalDate.parse("2025-03-02"));
        assertThat(award.supplier()).isEqualTo(new OrganisationReference("haixing", "haixing"));
    }

    @Test
    void aTransactionOfRevisionOneKeepsAnAbsentPayerAbsent() throws Exception {
        JsonNode stored = json.readTree("""
                {"projectId":"p-1","transactionId":"T-1","kind":"payment","date":"2025-04-01",
                 "value":{"amount":"10","currency":"CNY"},"payer":null,"payee":"Haixing Ltd"}""");

        TransactionRecorded payment = json.treeToValue(
                EventRevisions.lift("TransactionRecorded", "1", stored, Instant.EPOCH), TransactionRecorded.class);

        assertThat(payment.payer()).isNull();
        assertThat(payment.payee()).isEqualTo(new OrganisationReference("Haixing Ltd", "Haixing Ltd"));
    }

    @Test
    void anInspectionOfRevisionOneNamesItsInspectorAsAParty() throws Exception {
        JsonNode stored = json.readTree("""
                {"projectId":"p-1","inspectionId":"I-1","inspector":"质监站","date":"2025-04-01",
                 "scope":"quality","result":"passed","findings":null,"rectificationDeadline":null}""");

        InspectionRecorded inspection = json.treeToValue(
                EventRevisions.lift("InspectionRecorded", "1", stored, Instant.EPOCH), InspectionRecorded.class);

        assertThat(inspection.inspector().displayName()).isEqualTo("质监站");
    }

    @Test
    void aPayloadOfTheCurrentRevisionIsLeftAsItIs() throws Exception {
        JsonNode stored = json.readTree("{\"projectId\":\"p-1\",\"supplier\":{\"id\":\"x\",\"name\":\"X\"}}");

        assertThat(EventRevisions.lift("ContractAwarded", "2", stored, Instant.EPOCH)).isSameAs(stored);
    }

    @Test
    void theStepsOfEveryTypeLeadToTheRevisionItsRecordHasNow() {
        for (EventRevisions.Step step : EventRevisions.steps()) {
            String reached = step.to();
            for (EventRevisions.Step next : EventRevisions.steps()) {
                if (next.type().equals(step.type()) && next.from().equals(reached)) {
                    reached = next.to();
                }
            }
            assertThat(reached).as(step.type()).isEqualTo(EventRevisions.current(step.type()));
        }
    }

    @Test
    void aBareNameReadsAsAPartyWhoseNameIsItsIdentifier() throws Exception {
        assertThat(json.readValue("\"haixing\"", OrganisationReference.class))
                .isEqualTo(new OrganisationReference("haixing", "haixing"));
        assertThat(json.readValue("{\"id\":\"CN-1\",\"name\":\"海兴\"}", OrganisationReference.class))
                .isEqualTo(new OrganisationReference("CN-1", "海兴"));
    }
}
