package org.jianhu.seeds;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoUsersTest {

    private final DemoUsers users = DemoUsers.load();

    @Test
    void theFirstEightDemoUsersKeepTheirIdsRolesAndOrganisations() {
        assertThat(users.all()).extracting(u -> u.id() + " " + u.role() + " " + u.organisation() + " " + u.region())
                .contains("owner-zhang owner transport-bureau Haishu", "owner-huang owner transport-bureau Yinzhou",
                        "owner-liu owner water-authority Beilun", "sup-li supervisor supervision-office Haishu",
                        "sup-wang supervisor supervision-office Beilun", "sup-zhao supervisor supervision-office Zhenhai",
                        "aud-sun auditor audit-bureau Ningbo", "admin-chen admin development-commission Ningbo");
    }

    @Test
    void everyUserHasAKnownRoleAndANameOrganisationAndRegion() {
        assertThat(users.all()).allSatisfy(user -> {
            assertThat(user.role()).isIn(List.of(DemoUser.OWNER, DemoUser.SUPERVISOR, DemoUser.AUDITOR, DemoUser.ADMIN));
            assertThat(List.of(user.name(), user.organisation(), user.region())).allMatch(s -> s != null && !s.isBlank());
        });
    }
}
