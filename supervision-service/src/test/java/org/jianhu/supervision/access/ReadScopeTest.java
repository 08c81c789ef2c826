package org.jianhu.supervision.access;

import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.contracts.project.SupervisorsReassigned;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.supervision.risk.ProjectFacts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReadScopeTest {

    private static final Instant AT = Instant.parse("2026-03-01T02:00:00Z");
    private static final Duration GAP = Duration.ofMinutes(10);

    private final ProjectFacts haishu = registered();

    @Test
    void auditorsAdministratorsAndServicesReadEveryProjectEvenOneNotRegisteredYet() {
        for (CallerIdentity caller : List.of(new CallerIdentity("auditor-qian", "auditor", null, null),
                new CallerIdentity("admin-chen", "admin", null, null), CallerIdentity.service("alert-service"))) {
            assertThat(ReadScope.of(caller).covers(haishu)).isTrue();
            assertThat(ReadScope.of(caller).covers(null)).isTrue();
            assertThat(ReadScope.of(caller).on("facts").sql()).isEqualTo("true");
        }
    }

    @Test
    void anOwnerReadsTheProjectsOfItsOrganisationOnly() {
        assertThat(covers("owner-wang", "owner", "transport-bureau", "Beilun")).isTrue();
        assertThat(covers("owner-zhou", "owner", "water-bureau", "Haishu")).isFalse();
        assertThat(covers("owner-none", "owner", null, "Haishu")).isFalse();
        assertThat(ReadScope.of(new CallerIdentity("owner-wang", "owner", null, null)).covers(null)).isFalse();
    }

    @Test
    void aSupervisorReadsTheProjectsItIsNamedOnOrOfItsRegion() {
        assertThat(covers("sup-he", "supervisor", null, "Haishu")).isTrue();
        assertThat(covers("sup-li", "supervisor", null, "Beilun")).isTrue();
        assertThat(covers("sup-li", "supervisor", null, null)).isTrue();
        assertThat(covers("sup-he", "supervisor", null, "Beilun")).isFalse();
        assertThat(covers("sup-he", "supervisor", "transport-bureau", null)).isFalse();
    }

    @Test
    void aSupervisorReassignedAwayReadsTheProjectNoLonger() {
        haishu.apply(new SupervisorsReassigned("p-1", List.of("sup-li"), List.of("sup-wu"), "rotation"), 2, AT, GAP);

        assertThat(covers("sup-li", "supervisor", null, "Beilun")).isFalse();
        assertThat(covers("sup-wu", "supervisor", null, "Beilun")).isTrue();
    }

    @Test
    void anUnknownRoleReadsNothing() {
        assertThat(covers("someone", "visitor", "transport-bureau", "Haishu")).isFalse();
        assertThat(ReadScope.of(new CallerIdentity("someone", "visitor", null, null)).on("facts").sql())
                .isEqualTo("false");
    }

    @Test
    void theConditionNamesTheCallersOrganisationOrUserAndRegion() {
        SqlCondition owner = ReadScope.of(new CallerIdentity("owner-wang", "owner", "transport-bureau", null))
                .on("p.facts");
        assertThat(owner.sql()).isEqualTo("p.facts ->> 'ownerOrganisation' = ?");
        assertThat(owner.arguments()).containsExactly("transport-bureau");
        SqlCondition supervisor = ReadScope.of(new CallerIdentity("sup-li", "supervisor", null, "Beilun")).on("facts");
        assertThat(supervisor.arguments()).containsExactly("sup-li", "Beilun");
    }

    private boolean covers(String user, String role, String organisation, String region) {
        return ReadScope.of(new CallerIdentity(user, role, organisation, region)).covers(haishu);
    }

    private static ProjectFacts registered() {
        ProjectFacts facts = new ProjectFacts("p-1");
        facts.apply(new ProjectRegistered("p-1", "C-1", "Bridge", "construction", "Haishu", "transport-bureau",
                Money.cny("1000000.00"), null, List.of("sup-li")), 1, AT, GAP);
        return facts;
    }
}
