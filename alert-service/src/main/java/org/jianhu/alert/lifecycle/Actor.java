package org.jianhu.alert.lifecycle;

/** Who acts, on whose authority: recorded on every step (行权留痕). The region is the caller's, for scope. */
public record Actor(String user, Role role, String organisation, String region) {

    /** Signal changes are applied by the service itself, on supervision's word. */
    public static final Actor SUPERVISION = new Actor("supervision-service", Role.SYSTEM, null, null);

    /** Escalation is the service's own act, by the deadlines in its configuration. */
    public static final Actor ESCALATION = new Actor("escalation", Role.SYSTEM, null, null);
}
