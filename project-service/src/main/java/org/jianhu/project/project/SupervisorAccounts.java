package org.jianhu.project.project;

/**
 * Who may be named a project's responsible supervisor: the accounts with the supervisor role (the
 * {@code directory} answers it from the users file). The project's handlers are given it, so the decisions on
 * registration and reassignment stay functions of what they are handed.
 */
public interface SupervisorAccounts {

    boolean isSupervisor(String userId);
}
