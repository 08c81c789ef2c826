package org.jianhu.supervision.assessment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.contracts.project.ContractAwarded;
import org.jianhu.contracts.project.InspectionRecorded;
import org.jianhu.contracts.project.TransactionRecorded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Envelopes carry payloads as stored, in their revision: supervision lifts them before reading the record. */
class ProjectEventDecodingTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ProjectEventDecoding decoding = new ProjectEventDecoding(json);

    private EventEnvelope stored(String type, String revision, Instant recordedAt, String payload) throws Exception {
        return new EventEnvelope("e-1", "p-1", 3, 1003, type, revision, recordedAt, Map.of(), json.readTree(payload));
    }

    @Test
    void aRevisionOneAwardIsSignedOnTheShanghaiDateItWasRecordedAndItsSupplierIsAPartyOfThatName() throws Exception {
        var award = (ContractAwarded) decoding.decode(stored("ContractAwarded", "1",
                Instant.parse("2025-02-28T16:30:00Z"), """
                {"projectId": "p-1", "contractId": "c-1", "nature": "construction", "procurementMethod": "open",
                 "numberOfTenderers": 3, "supplier": "宁波海兴建设有限公司",
                 "contractValue": {"amount": "1000000.00", "currency": "CNY"}}""")).orElseThrow();

        assertThat(award.dateSigned()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(award.supplier()).isEqualTo(new OrganisationReference("宁波海兴建设有限公司", "宁波海兴建设有限公司"));
    }

    @Test
    void aRevisionTwoAwardKeepsItsDateSignedAndItsSupplier() throws Exception {
        var award = (ContractAwarded) decoding.decode(stored("ContractAwarded", "2",
                Instant.parse("2026-12-02T02:00:00Z"), """
                {"projectId": "p-1", "contractId": "c-1", "nature": "construction", "procurementMethod": "open",
                 "numberOfTenderers": 3, "supplier": {"id": "CN-913302", "name": "宁波海兴建设有限公司"},
                 "contractValue": {"amount": "1000000.00", "currency": "CNY"}, "dateSigned": "2017-03-25"}"""))
                .orElseThrow();

        assertThat(award.dateSigned()).isEqualTo(LocalDate.of(2017, 3, 25));
        assertThat(award.supplier().id()).isEqualTo("CN-913302");
    }

    @Test
    void revisionOnePaymentsAndInspectionsNameTheirPartiesByBareNames() throws Exception {
        var payment = (TransactionRecorded) decoding.decode(stored("TransactionRecorded", "1",
                Instant.parse("2025-04-01T02:00:00Z"), """
                {"projectId": "p-1", "transactionId": "t-1", "kind": "payment", "date": "2025-04-01",
                 "value": {"amount": "10.00", "currency": "CNY"}, "payer": "water-bureau", "payee": "builder-zhao"}"""))
                .orElseThrow();
        var inspection = (InspectionRecorded) decoding.decode(stored("InspectionRecorded", "1",
                Instant.parse("2025-04-01T02:00:00Z"), """
                {"projectId": "p-1", "inspectionId": "i-1", "inspector": "质监站", "date": "2025-04-01",
                 "scope": "piles", "result": "passed"}""")).orElseThrow();

        assertThat(payment.payer()).isEqualTo(OrganisationReference.named("water-bureau"));
        assertThat(payment.payee()).isEqualTo(new OrganisationReference("builder-zhao", "builder-zhao"));
        assertThat(inspection.inspector().id()).isEqualTo("质监站");
    }
}
