package org.jianhu.project.directory;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountDirectoryTest {

    @Test
    void theDemoUsersAreTheDirectoryTheServiceIsBuiltWith() {
        AccountDirectory demo = new AccountDirectory(new ClassPathResource("demo-users.yml"));

        assertThat(demo.isSupervisor("sup-li")).isTrue();
        assertThat(demo.isSupervisor("sup-zhao")).isTrue();
        assertThat(demo.find("sup-li")).hasValueSatisfying(account -> assertThat(account.region()).isEqualTo("Haishu"));
    }

    @Test
    void onlyAnAccountWithTheSupervisorRoleIsASupervisor() {
        AccountDirectory demo = new AccountDirectory(new ClassPathResource("demo-users.yml"));

        assertThat(demo.isSupervisor("owner-zhang")).isFalse();
        assertThat(demo.isSupervisor("admin-chen")).isFalse();
        assertThat(demo.isSupervisor("sup-nobody")).isFalse();
        assertThat(demo.isSupervisor(null)).isFalse();
    }

    @Test
    void aDeploymentNamesItsOwnUsersFile() {
        AccountDirectory county = new AccountDirectory(new ClassPathResource("directory/county-users.yml"));

        assertThat(county.isSupervisor("jianguan-01")).isTrue();
        assertThat(county.isSupervisor("owner-01")).isFalse();
        assertThat(county.isSupervisor("sup-li")).isFalse();
    }

    @Test
    void aUsersFileWithoutAccountsKeepsTheServiceFromStarting() {
        var empty = new ByteArrayResource("jianhu:\n  other: 1\n".getBytes(StandardCharsets.UTF_8), "empty users file");

        assertThatThrownBy(() -> new AccountDirectory(empty)).hasMessageContaining("lists no accounts");
    }

    @Test
    void anAccountListedTwiceIsRefused() {
        var twice = new ByteArrayResource("""
                jianhu:
                  dev-tokens:
                    users:
                      - {id: sup-a, name: A, role: supervisor, organisation: o, region: r}
                      - {id: sup-a, name: B, role: owner, organisation: o, region: r}
                """.getBytes(StandardCharsets.UTF_8), "users file");

        assertThatThrownBy(() -> new AccountDirectory(twice)).hasMessageContaining("sup-a is listed twice");
    }
}
