package org.jianhu.supervision.web;

import org.jianhu.servicesupport.identity.CallerIdentity;

/** The verified caller's role, or the project's scope, does not allow this (403). */
public class NotAllowed extends RuntimeException {

    private NotAllowed(String message) {
        super(message);
    }

    /** Changing thresholds and rebuilding are the administrators'. */
    public static void requireAdmin(CallerIdentity caller) {
        requireRole(caller, "admin");
    }

    private static void requireRole(CallerIdentity caller, String required) {
        if (!caller.hasRole(required)) {
            throw new NotAllowed("only the " + required + " role may do this, not " + caller.role());
        }
    }

    public static NotAllowed outsideScope(CallerIdentity caller, String projectId) {
        return new NotAllowed("project " + projectId + " is outside what " + caller.user() + " (" + caller.role()
                + ") may read");
    }
}
