package org.jianhu.alert.lifecycle;

import java.util.List;

/**
 * The project an alert is about, as far as who may read it: its owner organisation, its region and its
 * named supervisors, as the latest signal change named them. A field never named is unknown and admits nobody.
 */
public record ProjectScope(String ownerOrganisation, String region, List<String> supervisors) {

    public boolean readableBy(Actor actor) {
        return switch (actor.role()) {
            case AUDITOR, ADMIN, SERVICE, SYSTEM -> true;
            case OWNER -> actor.organisation() != null && actor.organisation().equals(ownerOrganisation);
            case SUPERVISOR -> names(actor.user()) || actor.region() != null && actor.region().equals(region);
        };
    }

    /** Whether the project names the user among its supervisors. */
    public boolean names(String user) {
        return supervisors != null && supervisors.contains(user);
    }

    /** Refuses an actor outside the scope, for reads and steps alike. */
    public void admit(Actor actor, String what) {
        if (!readableBy(actor)) {
            throw new NotPermitted("the " + actor.role().wireName() + " " + actor.user() + " may not " + what
                    + " an alert of a project outside their scope");
        }
    }
}
