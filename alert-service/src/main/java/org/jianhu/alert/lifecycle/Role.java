package org.jianhu.alert.lifecycle;

import java.util.Arrays;

/** SERVICE is another Jianhu service reading for itself; SYSTEM this service's own acts (never a caller). */
public enum Role {
    OWNER, SUPERVISOR, AUDITOR, ADMIN, SERVICE, SYSTEM;

    public String wireName() {
        return name().toLowerCase();
    }

    /** The role a caller may have; any other is refused, as no role may do anything here. */
    public static Role ofCaller(String wireName) {
        return Arrays.stream(values()).filter(role -> role != SYSTEM && role.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new NotPermitted("the role " + wireName + " may do nothing with alerts"));
    }
}
