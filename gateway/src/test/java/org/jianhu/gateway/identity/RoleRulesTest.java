package org.jianhu.gateway.identity;

import org.jianhu.gateway.GatewayTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

class RoleRulesTest extends GatewayTestBase {

    @Test
    void auditorMayRead() {
        call("aud-sun", HttpMethod.GET, "/api/projects/p-1").expectStatus().isOk();
    }

    @Test
    void auditorMayNotWrite() {
        expectForbidden(call("aud-sun", HttpMethod.POST, "/api/projects/p-1/milestones"));
        expectForbidden(call("aud-sun", HttpMethod.POST, "/api/alerts/a-1/closure"));
    }

    @Test
    void onlyAdminRegistersProjects() {
        expectForbidden(call("owner-zhang", HttpMethod.POST, "/api/projects"));
        call("admin-chen", HttpMethod.POST, "/api/projects").expectStatus().isOk();
    }

    @Test
    void onlyAdminImportsOc4idsPackages() {
        for (String user : new String[] {"owner-zhang", "sup-li", "aud-sun"}) {
            expectForbidden(call(user, HttpMethod.POST, "/api/oc4ids/import"));
        }
        call("admin-chen", HttpMethod.POST, "/api/oc4ids/import").expectStatus().isOk();
    }

    @Test
    void aProjectsOc4idsExportIsReadLikeTheProject() {
        for (String user : new String[] {"owner-zhang", "sup-li", "aud-sun", "admin-chen"}) {
            call(user, HttpMethod.GET, "/api/projects/p-1/oc4ids").expectStatus().isOk();
        }
    }

    @Test
    void onlyAdminAssignsSupervisors() {
        expectForbidden(call("owner-zhang", HttpMethod.POST, "/api/projects/p-1/supervisors"));
        call("admin-chen", HttpMethod.POST, "/api/projects/p-1/supervisors").expectStatus().isOk();
    }

    @Test
    void onlyAdminChangesRiskRules() {
        expectForbidden(call("sup-li", HttpMethod.PUT, "/api/risk/rules/R01"));
        call("admin-chen", HttpMethod.PUT, "/api/risk/rules/R01").expectStatus().isOk();
    }

    @Test
    void supervisorMayNotWriteProjectFactsButHandlesAlerts() {
        expectForbidden(call("sup-li", HttpMethod.POST, "/api/projects/p-1/inspections"));
        call("sup-li", HttpMethod.POST, "/api/alerts/a-1/closure").expectStatus().isOk();
    }

    @Test
    void ownerWritesProjectFacts() {
        call("owner-liu", HttpMethod.POST, "/api/projects/p-1/milestones").expectStatus().isOk();
    }

    @Test
    void projectAdministrationIsTheAdminsAndFactsAreTheOwners() {
        for (String administration : new String[] {"approval", "suspension", "resumption", "cancellation"}) {
            expectForbidden(call("owner-zhang", HttpMethod.POST, "/api/projects/p-1/" + administration));
            call("admin-chen", HttpMethod.POST, "/api/projects/p-1/" + administration).expectStatus().isOk();
        }
        expectForbidden(call("admin-chen", HttpMethod.POST, "/api/projects/p-1/transactions"));
    }

    @Test
    void onlyAdminRebuildsRiskViews() {
        expectForbidden(call("sup-li", HttpMethod.POST, "/api/risk/rebuild"));
        call("admin-chen", HttpMethod.POST, "/api/risk/rebuild").expectStatus().isOk();
    }

    @Test
    void theGlobalLogIsForAuditorsAndAdmins() {
        expectForbidden(call("sup-li", HttpMethod.GET, "/api/events"));
        expectForbidden(call("owner-zhang", HttpMethod.GET, "/api/events"));
        call("aud-sun", HttpMethod.GET, "/api/events").expectStatus().isOk();
    }

    @Test
    void theRecordsIntegrityIsForAuditorsAndAdmins() {
        for (String path : new String[] {"/api/integrity/checkpoint", "/api/integrity/proofs/inclusion",
                "/api/events/42/proof"}) {
            expectForbidden(call("sup-li", HttpMethod.GET, path));
            expectForbidden(call("owner-zhang", HttpMethod.GET, path));
            call("aud-sun", HttpMethod.GET, path).expectStatus().isOk();
            call("admin-chen", HttpMethod.GET, path).expectStatus().isOk();
        }
    }

    private ResponseSpec call(String user, HttpMethod method, String path) {
        return http.method(method).uri(path).headers(h -> h.setBearerAuth(tokenFor(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }

    private static void expectForbidden(ResponseSpec response) {
        response.expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:jianhu:problem:forbidden");
    }
}
