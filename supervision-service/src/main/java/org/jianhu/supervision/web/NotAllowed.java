package org.jianhu.supervision.web;

/** The request names no actor (401), or one whose role may not do this (403). */
public class NotAllowed extends RuntimeException {

    private final boolean unidentified;

    private NotAllowed(String message, boolean unidentified) {
        super(message);
        this.unidentified = unidentified;
    }

    /** Until the gateway issues tokens, the acting user and role come in X-Jianhu-User / X-Jianhu-Role. */
    public static String requireRole(String user, String role, String required) {
        if (user == null || user.isBlank() || role == null || role.isBlank()) {
            throw new NotAllowed("name the acting user and role in X-Jianhu-User and X-Jianhu-Role", true);
        }
        if (!required.equals(role)) {
            throw new NotAllowed("only the " + required + " role may do this, not " + role, false);
        }
        return user;
    }

    public boolean unidentified() {
        return unidentified;
    }
}
