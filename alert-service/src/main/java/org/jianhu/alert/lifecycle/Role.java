package org.jianhu.alert.lifecycle;

public enum Role {
    OWNER, SUPERVISOR, AUDITOR, ADMIN, SYSTEM;

    public String wireName() {
        return name().toLowerCase();
    }
}
