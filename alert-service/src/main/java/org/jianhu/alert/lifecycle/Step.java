package org.jianhu.alert.lifecycle;

/** What happened to an alert: one row of its timeline. */
public enum Step {
    RAISED("raised"), SIGNAL_LEVEL_CHANGED("signalLevelChanged"), SIGNAL_CLEARED("signalCleared"),
    REOPENED("reopened"), ASSIGNED("assigned"), RECTIFICATION_REPORTED("rectificationReported"),
    VERIFIED("verified"), VERIFICATION_REJECTED("verificationRejected"), CLOSED("closed"),
    DISMISSED("dismissed"), ESCALATED("escalated");

    private final String wireName;

    Step(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
