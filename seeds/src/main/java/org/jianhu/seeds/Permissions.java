package org.jianhu.seeds;

import java.util.Optional;
import java.util.Set;

/**
 * Who may take which step (DOMAIN.md, "Who may do what"): only an admin registers, approves,
 * names supervisors and suspends, resumes or cancels; every other fact is written by an owner of
 * the project's owner organisation. Named supervisors are demo supervisors of the project's region.
 */
public final class Permissions {

    private static final Set<String> ADMIN_STEPS = Set.of("", "approval", "supervisors", "suspension",
            "resumption", "cancellation");
    private static final Set<String> OWNER_STEPS = Set.of("milestones", "milestones/status", "progress",
            "contracts", "contracts/modifications", "transactions", "inspections", "inspections/rectification",
            "inspections/verification", "completion");

    private final DemoUsers users;

    public Permissions(DemoUsers users) {
        this.users = users;
    }

    /** Why the step may not be taken as written, or empty when it may. */
    public Optional<String> refusal(ProjectSeed project, Step step) {
        Optional<DemoUser> actor = users.find(step.as());
        if (actor.isEmpty()) {
            return Optional.of("no demo user '" + step.as() + "'");
        }
        DemoUser user = actor.get();
        if (ADMIN_STEPS.contains(step.kind())) {
            return user.is(DemoUser.ADMIN) ? supervisorsRefusal(project, step)
                    : Optional.of(user.id() + " is " + user.role() + "; only an admin may post " + describe(step));
        }
        if (!OWNER_STEPS.contains(step.kind())) {
            return Optional.of("unknown step '" + step.post() + "'");
        }
        if (!user.is(DemoUser.OWNER) || !user.organisation().equals(project.ownerOrganisation())) {
            return Optional.of(user.id() + " (" + user.role() + ", " + user.organisation()
                    + ") may not write facts of a project owned by " + project.ownerOrganisation());
        }
        return Optional.empty();
    }

    private Optional<String> supervisorsRefusal(ProjectSeed project, Step step) {
        for (var named : step.body().path("supervisors")) {
            Optional<DemoUser> supervisor = users.find(named.asText());
            if (supervisor.isEmpty() || !supervisor.get().is(DemoUser.SUPERVISOR)) {
                return Optional.of("'" + named.asText() + "' is no demo supervisor");
            }
            if (!supervisor.get().region().equals(project.region())) {
                return Optional.of(named.asText() + " supervises " + supervisor.get().region() + ", not "
                        + project.region());
            }
        }
        return Optional.empty();
    }

    private static String describe(Step step) {
        return step.post().isEmpty() ? "a registration" : step.post();
    }
}
