package org.jianhu.project.directory;

import org.jianhu.servicesupport.input.InvalidInput;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Only supervisor accounts of the directory can be named responsible for a project: a name nobody signs in with
 * would leave the project watched by no one, silently. Asked before the command is sent, since the project
 * decides from its own record and the directory is not part of it.
 */
@Component
public class NamingSupervisors {

    private final Accounts accounts;

    NamingSupervisors(Accounts accounts) {
        this.accounts = accounts;
    }

    public void requireSupervisorAccounts(List<String> named) {
        if (named == null) {
            return;
        }
        List<String> faults = named.stream().filter(id -> id != null && !id.isBlank())
                .filter(id -> accounts.find(id).map(account -> !account.isSupervisor()).orElse(true))
                .map(id -> accounts.find(id).isPresent() ? id + " is an account, but not a supervisor's"
                        : id + " is not a supervisor account")
                .distinct()
                .collect(Collectors.toList());
        if (!faults.isEmpty()) {
            throw new InvalidInput("supervisors", "supervisors: " + String.join("; ", faults));
        }
    }
}
