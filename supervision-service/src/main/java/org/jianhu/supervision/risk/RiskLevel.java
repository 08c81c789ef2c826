package org.jianhu.supervision.risk;

/** The colour supervisors see; a project's level is its worst open signal. */
public enum RiskLevel {
    GREEN, YELLOW, RED;

    public RiskLevel worse(RiskLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
