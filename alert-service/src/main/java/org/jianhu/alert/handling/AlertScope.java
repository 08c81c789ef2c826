package org.jianhu.alert.handling;

import org.jianhu.alert.lifecycle.Actor;

import java.util.Map;

/**
 * Which alerts a reader's list and stream hold, as SQL over {@code alert a}, never more than
 * {@link org.jianhu.alert.lifecycle.ProjectScope} lets them read: a supervisor those of the projects
 * naming them and, in their own region, those their subscriptions match; an owner their organisation's
 * projects'; auditors, admins and services all.
 */
public final class AlertScope {

    /**
     * The subscription {@code s} matches the alert {@code a}: its filter, and the alert is of its region or of a
     * project naming its supervisor (who may read that project wherever it lies, and may follow it).
     */
    public static final String SUBSCRIPTION_MATCHES = "(s.region IS NULL OR s.region = a.region "
            + "OR a.supervisors @> jsonb_build_array(s.supervisor)) "
            + "AND (s.project_id IS NULL OR s.project_id = a.project_id) AND (s.rule_id IS NULL OR s.rule_id = a.rule_id) "
            + "AND (s.min_level IS NULL OR " + rank("a.level") + " >= " + rank("s.min_level") + ")";

    private AlertScope() {
    }

    /** A condition with named parameters {@code viewerUser}, {@code viewerOrganisation} and {@code viewerRegion}. */
    public static String condition(Actor viewer) {
        return switch (viewer.role()) {
            case SUPERVISOR -> "(a.supervisors @> jsonb_build_array(CAST(:viewerUser AS text)) "
                    + "OR (a.region = NULLIF(:viewerRegion, '') AND EXISTS (SELECT 1 FROM subscription s WHERE s.supervisor = :viewerUser AND " + SUBSCRIPTION_MATCHES
                    + ")))";
            case OWNER -> "a.owner_organisation = NULLIF(:viewerOrganisation, '')";
            case AUDITOR, ADMIN, SERVICE, SYSTEM -> "true";
        };
    }

    /** An unknown organisation or region ('', as the condition reads it) matches no alert. */
    public static Map<String, Object> parameters(Actor viewer) {
        return Map.of("viewerUser", viewer.user(), "viewerOrganisation", orNothing(viewer.organisation()),
                "viewerRegion", orNothing(viewer.region()));
    }

    private static String orNothing(String value) {
        return value == null ? "" : value;
    }

    private static String rank(String level) {
        return "CASE " + level + " WHEN 'RED' THEN 2 WHEN 'YELLOW' THEN 1 ELSE 0 END";
    }
}
