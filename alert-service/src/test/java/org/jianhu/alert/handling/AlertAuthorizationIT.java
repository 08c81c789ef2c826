package org.jianhu.alert.handling;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.alert.support.AlertIT;
import org.jianhu.alert.support.EventStreamClient;
import org.jianhu.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.alert.support.SignalFeed.about;
import static org.jianhu.alert.support.SignalFeed.raised;

/**
 * Who may read and handle an alert, by its project's scope: transport-bureau's project in Haishu, supervised by
 * sup-li (of Beilun). sup-zhou is of Haishu; sup-zhao of Beilun and not named; owner-zhao of water-bureau.
 */
class AlertAuthorizationIT extends AlertIT {

    static final String FORBIDDEN = "urn:jianhu:problem:forbidden";

    @LocalServerPort
    int port;

    @Test
    void theProjectAsTheSignalNamesItIsStoredWithTheAlert() throws Exception {
        UUID alert = alertOfTheBridge("p-stored");

        assertThat(jdbc.queryForObject("SELECT region || ' ' || owner_organisation || ' ' || supervisors::text "
                + "FROM alert WHERE id = ?", String.class, alert)).isEqualTo("Haishu transport-bureau [\"sup-li\"]");
    }

    @Test
    void anAlertIsReadByWhoeverMayReadItsProjectAndRefusedWith403ToOthers() throws Exception {
        UUID alert = alertOfTheBridge("p-read");

        for (HttpHeaders reader : List.of(namedSupervisor(), regionalSupervisor(), owner(), auditor(),
                as("admin-chen", "admin", null, null), as("service-supervision", "service", null, null))) {
            ResponseEntity<JsonNode> read = read("/api/alerts/" + alert, reader);
            assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(read.getBody().get("timeline")).hasSize(1);
        }
        for (HttpHeaders stranger : List.of(foreignSupervisor(), foreignOwner())) {
            assertProblem(read("/api/alerts/" + alert, stranger), HttpStatus.FORBIDDEN, FORBIDDEN);
            assertThat(ids(stranger)).doesNotContain(alert);
        }
        assertProblem(read("/api/alerts/" + UUID.randomUUID(), foreignSupervisor()), HttpStatus.NOT_FOUND,
                "urn:jianhu:problem:not-found");
        assertThat(ids(namedSupervisor())).contains(alert);
        assertThat(ids(owner())).contains(alert);
    }

    @Test
    void theSupervisorStepsAreTakenOnlyByASupervisorNamedOnTheProjectOrOfItsRegion() throws Exception {
        UUID alert = alertOfTheBridge("p-steps");
        Map<String, String> assignment = Map.of("organisation", "transport-bureau", "deadline", "2026-03-15");

        for (HttpHeaders refused : List.of(foreignSupervisor(), owner(), auditor(), as("admin-chen", "admin", null, null))) {
            assertProblem(post(alert, "assignment", refused, assignment), HttpStatus.FORBIDDEN, FORBIDDEN);
        }
        assertThat(post(alert, "assignment", regionalSupervisor(), assignment).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertProblem(post(alert, "rectification", foreignOwner(), Map.of("comment", "done")), HttpStatus.FORBIDDEN,
                FORBIDDEN);
        assertProblem(post(alert, "rectification", auditor(), Map.of("comment", "done")), HttpStatus.FORBIDDEN, FORBIDDEN);
        assertThat(post(alert, "rectification", owner(), Map.of("comment", "payments held")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertProblem(post(alert, "verification", foreignSupervisor(), Map.of("accepted", true)), HttpStatus.FORBIDDEN,
                FORBIDDEN);
        assertThat(post(alert, "verification", namedSupervisor(), Map.of("accepted", true)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertProblem(post(alert, "closure", foreignSupervisor(), Map.of()), HttpStatus.FORBIDDEN, FORBIDDEN);
        assertProblem(post(alert, "closure", auditor(), Map.of()), HttpStatus.FORBIDDEN, FORBIDDEN);
        assertThat(post(alert, "closure", namedSupervisor(), Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(jdbc.queryForList("SELECT step || ' ' || actor FROM alert_event WHERE alert_id = ? ORDER BY position",
                String.class, alert)).containsExactly("raised supervision-service", "assigned sup-zhou",
                "rectificationReported owner-wang", "verified sup-li", "closed sup-li");
    }

    @Test
    void aDismissalIsRefusedToSupervisorsOutsideTheScopeAuditorsAndAdmins() throws Exception {
        UUID alert = alertOfTheBridge("p-dismissal");
        Map<String, String> dismissal = Map.of("justification", "approved change order");

        for (HttpHeaders refused : List.of(foreignSupervisor(), auditor(), as("admin-chen", "admin", null, null))) {
            assertProblem(post(alert, "dismissal", refused, dismissal), HttpStatus.FORBIDDEN, FORBIDDEN);
        }
        assertThat(steps(alert)).isEqualTo(1);
        assertThat(post(alert, "dismissal", regionalSupervisor(), dismissal).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void rectificationIsReportedOnlyByAnOwnerOfTheProjectsOrganisationEvenWhenAssignedElsewhere() throws Exception {
        UUID alert = alertOfTheBridge("p-elsewhere");
        assertThat(post(alert, "assignment", namedSupervisor(), Map.of("organisation", "water-bureau",
                "deadline", "2026-03-15")).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertProblem(post(alert, "rectification", foreignOwner(), Map.of("comment", "done")), HttpStatus.FORBIDDEN,
                FORBIDDEN);
        assertProblem(post(alert, "rectification", owner(), Map.of("comment", "done")), HttpStatus.FORBIDDEN,
                FORBIDDEN);
        assertThat(ids(foreignOwner())).doesNotContain(alert);
        assertThat(steps(alert)).isEqualTo(2);
    }

    @Test
    void anOwnersStreamCarriesTheirOrganisationsAlertsOnly() throws Exception {
        UUID theirs = UUID.randomUUID();
        UUID others = UUID.randomUUID();
        URI uri = URI.create("http://localhost:" + port + "/api/alerts/stream");
        try (EventStreamClient owner = EventStreamClient.open(uri, null,
                TestIdentity.headers("owner-wang", "owner", "transport-bureau", null));
             EventStreamClient foreign = EventStreamClient.open(uri, null,
                     TestIdentity.headers("owner-zhao", "owner", "water-bureau", null))) {
            feed.publish(bridge(raised(theirs, "p-stream-owner", "RED")));
            UUID alert = awaitAlertOf(theirs);
            Map<String, Object> water = about(raised(others, "p-stream-water", "RED"), "Beilun", "sup-zhao");
            water.put("ownerOrganisation", "water-bureau");
            feed.publish(water);
            UUID waterAlert = awaitAlertOf(others);

            await().atMost(Duration.ofSeconds(20)).until(() -> owner.events().size() == 1 && foreign.events().size() == 1);
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                    .until(() -> owner.events().size() == 1 && foreign.events().size() == 1);
            assertThat(json.readTree(owner.events().get(0).data()).get("alertId").asText()).isEqualTo(alert.toString());
            assertThat(json.readTree(foreign.events().get(0).data()).get("alertId").asText())
                    .isEqualTo(waterAlert.toString());
        }
    }

    private UUID alertOfTheBridge(String projectId) throws Exception {
        UUID signal = UUID.randomUUID();
        feed.publish(bridge(raised(signal, projectId, "RED")));
        return awaitAlertOf(signal);
    }

    private static Map<String, Object> bridge(Map<String, Object> change) {
        return about(change, "Haishu", "sup-li");
    }

    private static HttpHeaders namedSupervisor() {
        return as("sup-li", "supervisor", null, "Beilun");
    }

    private static HttpHeaders regionalSupervisor() {
        return as("sup-zhou", "supervisor", null, "Haishu");
    }

    private static HttpHeaders foreignSupervisor() {
        return as("sup-zhao", "supervisor", null, "Beilun");
    }

    private static HttpHeaders owner() {
        return as("owner-wang", "owner", "transport-bureau", null);
    }

    private static HttpHeaders foreignOwner() {
        return as("owner-zhao", "owner", "water-bureau", "Haishu");
    }

    private ResponseEntity<JsonNode> read(String uri, HttpHeaders reader) {
        return http.exchange(uri, HttpMethod.GET, new HttpEntity<>(reader), JsonNode.class);
    }

    private List<UUID> ids(HttpHeaders reader) {
        ResponseEntity<JsonNode> list = read("/api/alerts", reader);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<UUID> ids = new ArrayList<>();
        list.getBody().get("items").forEach(alert -> ids.add(UUID.fromString(alert.get("id").asText())));
        return ids;
    }
}
