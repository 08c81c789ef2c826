package org.jianhu.project.directory;

/** A user account as the directory lists it: who, in which role, of which organisation and region. */
public record Account(String id, String name, String role, String organisation, String region) {

    public static final String SUPERVISOR = "supervisor";

    public boolean isSupervisor() {
        return SUPERVISOR.equals(role);
    }
}
