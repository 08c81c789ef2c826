package org.jianhu.servicesupport.identity;

/**
 * Who is calling, as the gateway vouches for it after validating the caller's token.
 * Organisation and region may be absent (an auditor has no organisation of interest; a service no region).
 */
public record CallerIdentity(String user, String role, String organisation, String region) {

    /** The role services give one another for their own internal reads (e.g. gap healing). */
    public static final String SERVICE_ROLE = "service";

    public CallerIdentity {
        if (user == null || user.isBlank() || role == null || role.isBlank()) {
            throw new IllegalArgumentException("an identity names a user and a role");
        }
        organisation = blankToNull(organisation);
        region = blankToNull(region);
    }

    public static CallerIdentity service(String name) {
        return new CallerIdentity(name, SERVICE_ROLE, null, null);
    }

    public boolean hasRole(String wanted) {
        return role.equals(wanted);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
