package org.jianhu.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Permissions permissions = new Permissions(DemoUsers.load());
    private final ProjectSeed bridge = new ProjectSeed("NB-TEST", new ProjectSeed.Expected("GREEN", List.of()),
            step("admin-chen", "", "{\"region\": \"Haishu\", \"ownerOrganisation\": \"transport-bureau\", "
                    + "\"supervisors\": [\"sup-li\"]}"), List.of());

    @Test
    void onlyAnAdminRegistersApprovesAndSuspends() {
        assertThat(permissions.refusal(bridge, bridge.register())).isEmpty();
        assertThat(permissions.refusal(bridge, step("owner-zhang", "approval", "{}"))).isPresent();
        assertThat(permissions.refusal(bridge, step("admin-chen", "suspension", "{}"))).isEmpty();
    }

    @Test
    void factsAreWrittenOnlyByAnOwnerOfTheProjectsOrganisation() {
        assertThat(permissions.refusal(bridge, step("owner-huang", "transactions", "{}"))).isEmpty();
        assertThat(permissions.refusal(bridge, step("owner-liu", "transactions", "{}"))).isPresent();
        assertThat(permissions.refusal(bridge, step("admin-chen", "inspections/I1/verification", "{}"))).isPresent();
        assertThat(permissions.refusal(bridge, step("sup-li", "progress", "{}"))).isPresent();
    }

    @Test
    void supervisorsAreDemoSupervisorsOfTheProjectsRegion() {
        assertThat(permissions.refusal(bridge, step("admin-chen", "supervisors", "{\"supervisors\": [\"sup-yang\"]}")))
                .isEmpty();
        assertThat(permissions.refusal(bridge, step("admin-chen", "supervisors", "{\"supervisors\": [\"sup-wang\"]}")))
                .get().asString().contains("Beilun");
        assertThat(permissions.refusal(bridge, step("admin-chen", "supervisors", "{\"supervisors\": [\"aud-sun\"]}")))
                .isPresent();
    }

    @Test
    void anUnknownUserOrStepIsRefused() {
        assertThat(permissions.refusal(bridge, step("nobody", "progress", "{}"))).isPresent();
        assertThat(permissions.refusal(bridge, step("owner-zhang", "bribes", "{}"))).isPresent();
    }

    private static Step step(String user, String post, String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return new Step(user, LocalDate.of(2026, 1, 1), post, json);
        } catch (Exception unreadable) {
            throw new IllegalArgumentException(unreadable);
        }
    }
}
