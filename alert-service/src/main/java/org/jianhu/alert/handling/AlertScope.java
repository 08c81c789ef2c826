package org.jianhu.alert.handling;

import org.jianhu.alert.lifecycle.Actor;

import java.util.Map;

/**
 * Which alerts a reader sees, as SQL over {@code alert a}: a supervisor those of the projects they are
 * responsible for and those their subscriptions match; an owner their organisation's (owned or assigned);
 * auditors, admins and, until the gateway names every reader, an anonymous reader all.
 */
public final class AlertScope {

    /** The subscription {@code s} matches the alert {@code a}. */
    public static final String SUBSCRIPTION_MATCHES = "(s.region IS NULL OR s.region = a.region) "
            + "AND (s.project_id IS NULL OR s.project_id = a.project_id) AND (s.rule_id IS NULL OR s.rule_id = a.rule_id) "
            + "AND (s.min_level IS NULL OR " + rank("a.level") + " >= " + rank("s.min_level") + ")";

    private AlertScope() {
    }

    /** A condition with named parameters {@code viewerUser} and {@code viewerOrganisation}. */
    public static String condition(Actor viewer) {
        if (viewer == null) {
            return "true";
        }
        return switch (viewer.role()) {
            case SUPERVISOR -> "(a.supervisors @> jsonb_build_array(CAST(:viewerUser AS text)) OR EXISTS ("
                    + "SELECT 1 FROM subscription s WHERE s.supervisor = :viewerUser AND " + SUBSCRIPTION_MATCHES + "))";
            case OWNER -> "(a.owner_organisation = :viewerOrganisation OR a.assignee_organisation = :viewerOrganisation)";
            case AUDITOR, ADMIN, SYSTEM -> "true";
        };
    }

    public static Map<String, Object> parameters(Actor viewer) {
        return viewer == null ? Map.of() : Map.of("viewerUser", viewer.user(),
                "viewerOrganisation", viewer.organisation() == null ? "" : viewer.organisation());
    }

    private static String rank(String level) {
        return "CASE " + level + " WHEN 'RED' THEN 2 WHEN 'YELLOW' THEN 1 ELSE 0 END";
    }
}
