package org.jianhu.project.project;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who is acting, as the gateway vouched for it, and what that allows on a project. Every write
 * records user, role and organisation in the event metadata (行权留痕), and the project decides on
 * its commands from that same record.
 *
 * <p>The scope of a project is its owner organisation, its region and its named supervisors.
 * Auditors, admins and other Jianhu services read every project; an owner reads the projects of
 * its organisation; a supervisor those naming them and those of their region. Only admins
 * administer projects; only owners of a project's organisation record facts on it — or an admin importing the
 * project's history on that organisation's behalf ({@code onBehalfOf}), which the event records as such.
 *
 * @param onBehalfOf the owner organisation an admin records facts for while importing (OC4IDS import); never
 *                   taken from a request, so no caller of the API can claim it
 */
public record Actor(String user, String role, String organisation, String region, String onBehalfOf) {

    public Actor(String user, String role, String organisation, String region) {
        this(user, role, organisation, region, null);
    }

    public static final String OWNER = "owner";
    public static final String SUPERVISOR = "supervisor";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";
    /** Another Jianhu service reading for itself: reads everything, writes nothing. */
    public static final String SERVICE = "service";

    private static final Set<String> READ_EVERYTHING = Set.of(AUDITOR, ADMIN, SERVICE);
    private static final Set<String> AUDIT = Set.of(AUDITOR, ADMIN);
    private static final String USER_KEY = "actorUser";
    private static final String ROLE_KEY = "actorRole";
    private static final String ORGANISATION_KEY = "actorOrganisation";
    private static final String ON_BEHALF_OF_KEY = "actorOnBehalfOf";

    /** The actor a command's metadata names (the region is not recorded: no write depends on it). */
    public static Actor fromMetadata(Map<String, ?> metadata) {
        return new Actor(text(metadata.get(USER_KEY)), text(metadata.get(ROLE_KEY)),
                text(metadata.get(ORGANISATION_KEY)), null, text(metadata.get(ON_BEHALF_OF_KEY)));
    }

    /** This admin, recording facts for {@code ownerOrganisation} while importing its project's history. */
    public Actor importingFor(String ownerOrganisation) {
        requireAdministering("import a project's history");
        return new Actor(user, role, organisation, region, ownerOrganisation);
    }

    public Map<String, String> asMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(USER_KEY, user);
        metadata.put(ROLE_KEY, role);
        if (organisation != null) {
            metadata.put(ORGANISATION_KEY, organisation);
        }
        if (onBehalfOf != null) {
            metadata.put(ON_BEHALF_OF_KEY, onBehalfOf);
        }
        return metadata;
    }

    public boolean readsEverything() {
        return READ_EVERYTHING.contains(role);
    }

    public boolean mayRead(ProjectState project) {
        return readsEverything()
                || OWNER.equals(role) && ownsProjectsOf(project.ownerOrganisation())
                || SUPERVISOR.equals(role) && (project.supervisors().contains(user)
                || region != null && region.equals(project.region()));
    }

    /** @throws Forbidden unless the actor may read the project */
    public void requireReading(ProjectState project) {
        if (!mayRead(project)) {
            throw new Forbidden(this + " may not read project " + project.id() + ": " + (SUPERVISOR.equals(role)
                    ? "it does not name them as a supervisor and lies outside their region"
                    : OWNER.equals(role) ? "it belongs to another organisation"
                    : "projects are read by their owners, supervisors, auditors and admins"));
        }
    }

    /** @throws Forbidden unless the actor is an admin */
    public void requireAdministering(String what) {
        if (!ADMIN.equals(role)) {
            throw new Forbidden("only an admin may " + what + "; " + this + " may not");
        }
    }

    /** @throws Forbidden unless the actor is an owner of the project's owner organisation */
    public void requireRecordingFactsOn(ProjectState project) {
        boolean owner = OWNER.equals(role) && ownsProjectsOf(project.ownerOrganisation());
        boolean importing = ADMIN.equals(role) && onBehalfOf != null && onBehalfOf.equals(project.ownerOrganisation());
        if (!owner && !importing) {
            throw new Forbidden("only an owner of the project's owner organisation records facts on project "
                    + project.id() + "; " + this + " may not");
        }
    }

    /** @throws Forbidden unless the actor reads everything */
    public void requireReadingEverything(String what) {
        if (!readsEverything()) {
            throw new Forbidden(what + " is for auditors, admins and services; " + this + " may not read it");
        }
    }

    /** @throws Forbidden unless the actor is an auditor or an admin (the record's proofs: no service needs them) */
    public void requireAuditing(String what) {
        if (!AUDIT.contains(role)) {
            throw new Forbidden(what + " is for auditors and admins; " + this + " may not read it");
        }
    }

    private boolean ownsProjectsOf(String ownerOrganisation) {
        return organisation != null && organisation.equals(ownerOrganisation);
    }

    @Override
    public String toString() {
        return user + " (" + role + (organisation == null ? "" : " of " + organisation)
                + (region == null ? "" : " in " + region)
                + (onBehalfOf == null ? "" : ", importing on behalf of " + onBehalfOf) + ")";
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
