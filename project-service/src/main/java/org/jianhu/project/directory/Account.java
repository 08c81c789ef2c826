package org.jianhu.project.directory;

/** A user account as the users file lists it (the demo users of {@code seeds/demo-users.yml} today). */
public record Account(String id, String name, String role, String organisation, String region) {
}
