package org.jianhu.alert.web;

import org.jianhu.alert.lifecycle.Actor;
import org.jianhu.alert.lifecycle.Role;

import java.util.Arrays;

/** Until the gateway issues tokens, the actor comes in X-Jianhu-User / -Role / -Organisation. */
public final class ActorHeaders {

    public static final String USER = "X-Jianhu-User";
    public static final String ROLE = "X-Jianhu-Role";
    public static final String ORGANISATION = "X-Jianhu-Organisation";

    private ActorHeaders() {
    }

    /** The reader the headers name, or null when they name none (reads are not yet refused without one). */
    public static Actor reader(String user, String role, String organisation) {
        boolean named = (user != null && !user.isBlank()) || (role != null && !role.isBlank());
        return named ? actor(user, role, organisation) : null;
    }

    public static Actor actor(String user, String role, String organisation) {
        if (user == null || user.isBlank() || role == null || role.isBlank()) {
            throw new Unidentified("name the acting user and role in " + USER + " and " + ROLE);
        }
        Role known = Arrays.stream(Role.values()).filter(candidate -> candidate != Role.SYSTEM)
                .filter(candidate -> candidate.wireName().equals(role.trim())).findFirst()
                .orElseThrow(() -> new Unidentified(ROLE + " must be owner, supervisor, auditor or admin"));
        return new Actor(user.trim(), known, organisation == null || organisation.isBlank() ? null : organisation.trim());
    }
}
