package org.jianhu.project.directory;

import org.jianhu.servicesupport.input.InvalidInput;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Supervisors are named from the directory's supervisor accounts (the demo users, in the jar). */
class NamingSupervisorsTest {

    private final NamingSupervisors naming = new NamingSupervisors(new Accounts(new ClassPathResource("demo-users.yml")));

    @Test
    void supervisorAccountsMayBeNamed() {
        assertThatCode(() -> naming.requireSupervisorAccounts(List.of("sup-li", "sup-zhao"))).doesNotThrowAnyException();
    }

    @Test
    void aNameNobodySignsInWithIsRefusedNamingIt() {
        assertThatThrownBy(() -> naming.requireSupervisorAccounts(List.of("sup-li", "sup-nobody")))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> org.assertj.core.api.Assertions
                        .assertThat(refused.field()).isEqualTo("supervisors"))
                .hasMessage("supervisors: sup-nobody is not a supervisor account");
    }

    @Test
    void anAccountThatIsNoSupervisorsIsRefused() {
        assertThatThrownBy(() -> naming.requireSupervisorAccounts(List.of("owner-zhang")))
                .hasMessage("supervisors: owner-zhang is an account, but not a supervisor's");
    }
}
