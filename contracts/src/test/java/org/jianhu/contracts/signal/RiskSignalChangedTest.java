package org.jianhu.contracts.signal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RiskSignalChangedTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void aMessageFromBeforeTheProjectFieldsReadsWithThemUnknownAndUnknownPropertiesAreIgnored() throws Exception {
        RiskSignalChanged change = json.readValue("""
                {"changeId": "5f0c6b1e-2a57-4a53-9d1e-4b1f9b0c0a01", "signalId": "5f0c6b1e-2a57-4a53-9d1e-4b1f9b0c0a02",
                 "projectId": "p-1", "ruleId": "R01", "ruleVersion": 1, "subject": "contract c-1", "change": "cleared",
                 "level": "GREEN", "previousLevel": "RED", "numbers": {"paid": 1}, "evidence": [1001],
                 "explanationZh": "付款超前于进度", "explanationEn": "payment ahead", "occurredAt": "2026-03-01T02:00:00Z",
                 "aFieldFromALaterRevision": true}""", RiskSignalChanged.class);

        assertThat(change.region()).isNull();
        assertThat(change.supervisors()).isNull();
        assertThat(change.cleared()).isTrue();
        assertThat(change.routingKey()).isEqualTo("signal.green.R01");
    }

    @Test
    void theProjectFieldsTravelBesideTheSignalsOwn() throws Exception {
        RiskSignalChanged change = new RiskSignalChanged(UUID.randomUUID(), UUID.randomUUID(), "p-1", "R01", 2,
                "contract c-1", RiskSignalChanged.RAISED, "RED", null, Map.of("paid", 1), List.of(1001L), "zh", "en",
                Instant.parse("2026-03-01T02:00:00Z"), "Haishu", "NB-2025-001", "Harbour bridge", "transport-bureau",
                List.of("sup-li"));

        Map<String, Object> wire = json.readValue(json.writeValueAsBytes(change), new TypeReference<>() {
        });

        assertThat(wire).containsEntry("region", "Haishu").containsEntry("projectCode", "NB-2025-001")
                .containsEntry("projectTitle", "Harbour bridge").containsEntry("supervisors", List.of("sup-li"))
                .containsEntry("changeId", change.changeId().toString()).doesNotContainKeys("routingKey", "cleared");
        assertThat(json.readValue(json.writeValueAsBytes(change), RiskSignalChanged.class)).isEqualTo(change);
    }

    @Test
    void aRestatementKeepsTheSignalsLevelAndIsNoClearance() throws Exception {
        RiskSignalChanged change = new RiskSignalChanged(UUID.randomUUID(), UUID.randomUUID(), "p-1", "R01", 2,
                "contract c-1", RiskSignalChanged.RESTATED, "YELLOW", "YELLOW", Map.of(), List.of(), "zh", "en",
                Instant.parse("2026-03-01T02:00:00Z"), "Haishu", "NB-2025-001", "Harbour bridge", "transport-bureau",
                List.of("sup-li", "sup-wang"));

        Map<String, Object> wire = json.readValue(json.writeValueAsBytes(change), new TypeReference<>() {
        });

        assertThat(wire).containsEntry("change", "restated").containsEntry("supervisors", List.of("sup-li", "sup-wang"));
        assertThat(change.cleared()).isFalse();
        assertThat(change.routingKey()).isEqualTo("signal.yellow.R01");
    }
}
