package org.jianhu.alert.lifecycle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectScopeTest {

    static final ProjectScope BRIDGE = new ProjectScope("transport-bureau", "Haishu", List.of("sup-li"));

    @Test
    void auditorsAdminsAndServicesReadEveryProject() {
        assertThat(BRIDGE.readableBy(new Actor("aud-sun", Role.AUDITOR, null, null))).isTrue();
        assertThat(BRIDGE.readableBy(new Actor("admin-chen", Role.ADMIN, null, null))).isTrue();
        assertThat(BRIDGE.readableBy(new Actor("supervision", Role.SERVICE, null, null))).isTrue();
    }

    @Test
    void anOwnerReadsTheProjectsOfTheirOrganisationOnly() {
        assertThat(BRIDGE.readableBy(new Actor("owner-wang", Role.OWNER, "transport-bureau", null))).isTrue();
        assertThat(BRIDGE.readableBy(new Actor("owner-zhao", Role.OWNER, "water-bureau", "Haishu"))).isFalse();
        assertThat(BRIDGE.readableBy(new Actor("owner-none", Role.OWNER, null, null))).isFalse();
    }

    @Test
    void aSupervisorReadsTheProjectsNamingThemOrInTheirRegion() {
        assertThat(BRIDGE.readableBy(new Actor("sup-li", Role.SUPERVISOR, null, "Beilun"))).isTrue();
        assertThat(BRIDGE.readableBy(new Actor("sup-zhou", Role.SUPERVISOR, null, "Haishu"))).isTrue();
        assertThat(BRIDGE.readableBy(new Actor("sup-zhao", Role.SUPERVISOR, null, "Beilun"))).isFalse();
        assertThat(BRIDGE.readableBy(new Actor("sup-zhao", Role.SUPERVISOR, null, null))).isFalse();
    }

    @Test
    void aProjectNoChangeHasDescribedIsReadOnlyByThoseWhoReadEverything() {
        ProjectScope unknown = new ProjectScope(null, null, null);

        assertThat(unknown.readableBy(new Actor("sup-li", Role.SUPERVISOR, null, "Haishu"))).isFalse();
        assertThat(unknown.readableBy(new Actor("owner-wang", Role.OWNER, "transport-bureau", null))).isFalse();
        assertThat(unknown.readableBy(new Actor("aud-sun", Role.AUDITOR, null, null))).isTrue();
        assertThatThrownBy(() -> unknown.admit(new Actor("sup-li", Role.SUPERVISOR, null, "Haishu"), "read"))
                .isInstanceOf(NotPermitted.class);
    }
}
