package org.jianhu.project.project;

import org.jianhu.contracts.project.SupervisorsReassigned;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jianhu.project.project.ProjectEvents.OWNER;
import static org.jianhu.project.project.ProjectEvents.PROJECT_ID;
import static org.jianhu.project.project.ProjectEvents.registered;

/** Who may read a project: its scope is its owner organisation, its region and its named supervisors. */
class ActorTest {

    private static final String REGION = "330109";

    private final ProjectState project = registeredProject();

    @Test
    void auditorsAdminsAndServicesReadEveryProject() {
        assertThat(new Actor("audit-sun", Actor.AUDITOR, null, null).mayRead(project)).isTrue();
        assertThat(new Actor("admin-chen", Actor.ADMIN, null, null).mayRead(project)).isTrue();
        assertThat(new Actor("supervision-service", Actor.SERVICE, null, null).mayRead(project)).isTrue();
    }

    @Test
    void anOwnerReadsOnlyTheProjectsOfItsOrganisation() {
        assertThat(new Actor("owner-wang", Actor.OWNER, OWNER, REGION).mayRead(project)).isTrue();
        assertThat(new Actor("owner-zhang", Actor.OWNER, "Yuhang Water Works", REGION).mayRead(project)).isFalse();
        assertThat(new Actor("owner-liu", Actor.OWNER, null, REGION).mayRead(project)).isFalse();
    }

    @Test
    void aSupervisorReadsTheProjectsNamingThemAndThoseOfTheirRegion() {
        assertThat(new Actor("li.ming", Actor.SUPERVISOR, null, "330110").mayRead(project)).isTrue();
        assertThat(new Actor("li.ming", Actor.SUPERVISOR, null, null).mayRead(project)).isTrue();
        assertThat(new Actor("zhao.lei", Actor.SUPERVISOR, null, REGION).mayRead(project)).isTrue();
    }

    @Test
    void aSupervisorNeitherNamedNorOfTheRegionReadsNothingOfTheProject() {
        Actor elsewhere = new Actor("zhao.lei", Actor.SUPERVISOR, OWNER, "330110");

        assertThat(elsewhere.mayRead(project)).isFalse();
        assertThatThrownBy(() -> elsewhere.requireReading(project))
                .isInstanceOf(Forbidden.class)
                .hasMessageContaining(PROJECT_ID)
                .hasMessageContaining("outside their region");
        assertThat(new Actor("zhao.lei", Actor.SUPERVISOR, null, null).mayRead(project)).isFalse();
    }

    @Test
    void aSupervisorNoLongerNamedReadsOnlyWhatTheirRegionAllows() {
        project.apply(new SupervisorsReassigned(PROJECT_ID,
                List.of("li.ming", "wang.fang"), List.of("zhao.lei"), "moved"));

        assertThat(new Actor("li.ming", Actor.SUPERVISOR, null, "330110").mayRead(project)).isFalse();
        assertThat(new Actor("zhao.lei", Actor.SUPERVISOR, null, "330110").mayRead(project)).isTrue();
    }

    @Test
    void anUnknownRoleReadsNothing() {
        assertThat(new Actor("guest", "visitor", OWNER, REGION).mayRead(project)).isFalse();
        assertThat(new Actor("guest", "visitor", OWNER, REGION).readsEverything()).isFalse();
    }

    @Test
    void theGlobalLogIsForThoseWhoReadEverything() {
        assertThatThrownBy(() -> new Actor("owner-wang", Actor.OWNER, OWNER, null)
                .requireReadingEverything("the global log"))
                .isInstanceOf(Forbidden.class)
                .hasMessageContaining("the global log is for auditors, admins and services");
    }

    @Test
    void theMetadataOfAnEventNamesTheActorAgain() {
        Actor owner = new Actor("owner-wang", Actor.OWNER, OWNER, REGION);

        assertThat(owner.asMetadata()).containsOnlyKeys("actorUser", "actorRole", "actorOrganisation");
        assertThat(Actor.fromMetadata(owner.asMetadata())).isEqualTo(new Actor("owner-wang", Actor.OWNER, OWNER, null));
    }

    private static ProjectState registeredProject() {
        ProjectState state = new ProjectState();
        state.apply(registered());
        return state;
    }
}
