package org.jianhu.supervision.assessment;

import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.project.ContractAwarded;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.supervision.support.SupervisionIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** R15 across projects: one supplier winning again and again from one buyer (awards recorded on 2026-03-01). */
class RepeatWinnersIT extends SupervisionIT {

    @Test
    void threeAwardsToOneSupplierFromOneBuyerAcrossThreeProjectsRaiseYellowOnTheThird() throws Exception {
        publishProjectWithAward(1000, "p-rw-1", "water-bureau", "builder-qian");
        publishProjectWithAward(2000, "p-rw-2", "water-bureau", "builder-qian");
        publishProjectWithAward(3000, "p-rw-3", "park-bureau", "builder-qian");
        awaitApplied("p-rw-1", "p-rw-2", "p-rw-3");
        assertThat(openR15()).isEmpty();

        publishProjectWithAward(4000, "p-rw-4", "water-bureau", "builder-qian");
        await().atMost(Duration.ofSeconds(20)).until(() -> !openR15().isEmpty());

        Map<String, Object> signal = openR15().get(0);
        assertThat(signal).containsEntry("project_id", "p-rw-4").containsEntry("level", "YELLOW")
                .containsEntry("subject", "supplier:builder-qian/buyer:water-bureau")
                .containsEntry("evidence", "[1001, 2001, 4001]");
        assertThat(level("p-rw-4")).isEqualTo("YELLOW");
        assertThat(level("p-rw-1")).isEqualTo("GREEN");
        assertThat(jdbc.queryForList("SELECT change_type FROM signal_outbox WHERE rule_id = 'R15' "
                + "AND project_id LIKE 'p-rw%'", String.class)).containsExactly("raised");
    }

    @Test
    void furtherAwardsKeepTheSignalOnTheProjectThatTrippedItAndTurnItRedAtFive() throws Exception {
        for (int project = 1; project <= 5; project++) {
            publishProjectWithAward(10_000 + 1000L * project, "p-five-" + project, "road-bureau", "builder-sun");
            awaitApplied("p-five-" + project);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> "RED".equals(level("p-five-3")));

        List<Map<String, Object>> open = jdbc.queryForList("SELECT project_id, level FROM risk_signal "
                + "WHERE rule_id = 'R15' AND status = 'open' AND subject LIKE '%road-bureau'");
        assertThat(open).containsExactly(Map.of("project_id", "p-five-3", "level", "RED"));
        assertThat(level("p-five-5")).isEqualTo("GREEN");
        assertThat(jdbc.queryForList("SELECT change_type FROM signal_outbox WHERE project_id = 'p-five-3' "
                + "ORDER BY position", String.class)).containsExactly("raised", "levelChanged");
    }

    @Test
    void anAdministratorsR15ThresholdsAreInForceAtOnce() throws Exception {
        try {
            assertThat(putR15("{\"yellowCount\": 2}").getStatusCode().value()).isEqualTo(200);
            publishProjectWithAward(30_000, "p-two-1", "port-bureau", "builder-zhou");
            publishProjectWithAward(31_000, "p-two-2", "port-bureau", "builder-zhou");

            await().atMost(Duration.ofSeconds(20)).until(() -> "YELLOW".equals(level("p-two-2")));
            assertThat(jdbc.queryForObject("SELECT rule_version FROM risk_signal WHERE project_id = 'p-two-2' "
                    + "AND rule_id = 'R15'", Integer.class)).isEqualTo(1);
        } finally {
            putR15("{\"yellowCount\": 3}");
        }
    }

    private ResponseEntity<String> putR15(String body) {
        return call(HttpMethod.PUT, "/api/risk/rules/R15", body, admin());
    }

    private void publishProjectWithAward(long base, String projectId, String buyer, String supplier) throws Exception {
        ProjectRegistered registered = new ProjectRegistered(projectId, "C-" + projectId, "Works " + projectId,
                "construction", "Haishu", buyer, Money.cny("50000000.00"), null, List.of("sup-li"));
        ContractAwarded awarded = new ContractAwarded(projectId, "c-1", "design", "open", 4, null, null,
                org.jianhu.contracts.common.OrganisationReference.named(supplier), Money.cny("900000.00"), null, java.time.LocalDate.parse("2026-03-01"));
        feed.publish(feed.envelope(base, 0, registered), feed.envelope(base, 1, awarded));
    }

    private void awaitApplied(String... projectIds) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM risk_project WHERE next_sequence = 2 AND project_id = ANY (?)", Long.class,
                (Object) projectIds) == projectIds.length);
    }

    private List<Map<String, Object>> openR15() {
        return jdbc.queryForList("SELECT project_id, level, subject, evidence::text AS evidence FROM risk_signal "
                + "WHERE rule_id = 'R15' AND status = 'open' AND subject LIKE '%water-bureau'");
    }
}
