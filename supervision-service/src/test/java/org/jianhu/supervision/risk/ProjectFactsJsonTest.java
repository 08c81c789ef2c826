package org.jianhu.supervision.risk;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.project.ProjectSuspended;
import org.jianhu.contracts.project.RectificationReported;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;

class ProjectFactsJsonTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 12, 1);

    /** Every kind of fact filled in, so the round trip covers every state class. */
    private static ProjectFacts populated() {
        return healthy()
                .then(appropriation("a-1", LocalDate.of(2025, 7, 2), "3000000", "c-1"))
                .then(valueChange("c-1", "v-1", LocalDate.of(2025, 7, 3), "10000000", "10500000"))
                .then(milestone("m-2", LocalDate.of(2025, 9, 30)))
                .then(failedInspection("i-1", LocalDate.of(2025, 8, 1), LocalDate.of(2025, 8, 31)))
                .then(new RectificationReported(PROJECT, "i-1", LocalDate.of(2025, 8, 20), "已整改"))
                .then(new ProjectSuspended(PROJECT, LocalDate.of(2025, 9, 1), "汛期"))
                .then(completed(LocalDate.of(2025, 11, 30), "10400000"))
                .facts();
    }

    private static ObjectMapper plainMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Configured like the service's facts store: fields only, whatever the class says. */
    private static ObjectMapper storeMapper() {
        return plainMapper()
                .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
                .setVisibility(PropertyAccessor.GETTER, Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                .setVisibility(PropertyAccessor.SETTER, Visibility.NONE);
    }

    @Test
    void populatedFactsSurviveAJsonRoundTrip() throws Exception {
        for (ObjectMapper mapper : new ObjectMapper[] {plainMapper(), storeMapper()}) {
            ProjectFacts original = populated();
            String json = mapper.writeValueAsString(original);

            ProjectFacts restored = mapper.readValue(json, ProjectFacts.class);

            assertThat(mapper.writeValueAsString(restored)).isEqualTo(json);
            assertThat(RiskCatalogue.standard().evaluate(restored, Thresholds.defaults(), TODAY))
                    .isEqualTo(RiskCatalogue.standard().evaluate(original, Thresholds.defaults(), TODAY));
        }
    }

    @Test
    void restoredFactsKeepFoldingWhereTheyLeftOff() throws Exception {
        var mapper = storeMapper();
        ProjectFacts restored = mapper.readValue(mapper.writeValueAsString(healthy().facts()), ProjectFacts.class);

        restored.apply(payment("t-9", TODAY, "1000000", BUILDER, "c-1", null), 500, java.time.Instant.now(), ProjectHistory.GAP);

        assertThat(restored.paidTotal()).isEqualTo(cny("4500000"));
        assertThat(restored.contract("c-1").orElseThrow().paid()).isEqualTo(cny("4500000"));
    }

    @Test
    void aViewStoredWithPartiesAsBareNamesReadsThemAsPartiesOfThatName() throws Exception {
        var mapper = storeMapper();
        var stored = (ObjectNode) mapper.readTree(mapper.writeValueAsString(populated()));
        stored.remove("shape");
        ((ObjectNode) stored.get("contracts").get("c-1")).put("supplier", BUILDER);
        for (JsonNode payment : stored.get("payments")) {
            ((ObjectNode) payment).put("payee", BUILDER).put("payer", OWNER)
                    .remove("recorded");
        }
        ((ObjectNode) stored.get("inspections").get("i-1")).put("inspector", "质监站")
                .remove("recorded");

        ProjectFacts old = mapper.treeToValue(stored, ProjectFacts.class);

        assertThat(old.shape()).isNull();
        assertThat(old.contract("c-1").orElseThrow().supplier())
                .isEqualTo(new OrganisationReference(BUILDER, BUILDER));
        assertThat(old.inspection("i-1").orElseThrow().inspector().displayName()).isEqualTo("质监站");
        assertThat(new PayeeNotAContractParty().evaluate(old, Thresholds.defaults(), TODAY)).isEmpty();
        assertThat(new LateRecording().evaluate(old, Thresholds.defaults(), TODAY)).isEmpty();
    }

    @Test
    void jsonHoldsMoneyAsStringsDatesAsIsoAndFieldsByName() throws Exception {
        JsonNode json = plainMapper().readTree(plainMapper().writeValueAsString(populated()));

        assertThat(json.get("budget").get("amount").isTextual()).isTrue();
        assertThat(json.get("budget").get("amount").asText()).isEqualTo("20000000.00");
        assertThat(json.get("status").asText()).isEqualTo("completion");
        assertThat(json.get("approval").get("date").asText()).isEqualTo("2025-01-10");
        assertThat(json.get("contracts").get("c-1").get("supplier").get("name").asText()).isEqualTo(BUILDER);
        assertThat(json.get("shape").asInt()).isEqualTo(ProjectFacts.SHAPE);
        assertThat(json.get("contracts").get("c-1").get("modifications").get(0).get("position").asLong())
                .isGreaterThan(0);
        assertThat(json.get("inspections").get("i-1").get("rectificationStatus").asText())
                .isEqualTo(InspectionFacts.REPORTED);
        assertThat(json.has("financialProgressPercent")).isTrue();
    }
}
