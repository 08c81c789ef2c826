package org.jianhu.project.project;

/**
 * A command that administers the register rather than records a fact of the project: only an admin
 * sends one. Every other command on a project records a fact, which only its owner may.
 */
public interface ProjectAdministration {

    /** What the command does, as a refusal names it ("approve a project"). */
    String activity();
}
