package org.jianhu.project.web;

import java.util.Map;
import java.util.Set;

/**
 * Who is acting, as the gateway vouches for it in request headers. Every write records it in the
 * event metadata (行权留痕).
 */
public record Actor(String user, String role, String organisation) {

    public static final String USER_HEADER = "X-Jianhu-User";
    public static final String ROLE_HEADER = "X-Jianhu-Role";
    public static final String ORGANISATION_HEADER = "X-Jianhu-Organisation";

    public static final Set<String> ROLES = Set.of("owner", "supervisor", "auditor", "admin");

    public Map<String, String> asMetadata() {
        return organisation == null
                ? Map.of("actorUser", user, "actorRole", role)
                : Map.of("actorUser", user, "actorRole", role, "actorOrganisation", organisation);
    }
}
