package org.jianhu.seeds;

/** One demo user, as the dev token issuer knows them. */
public record DemoUser(String id, String name, String role, String organisation, String region) {

    public static final String OWNER = "owner";
    public static final String SUPERVISOR = "supervisor";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    public boolean is(String role) {
        return this.role.equals(role);
    }
}
