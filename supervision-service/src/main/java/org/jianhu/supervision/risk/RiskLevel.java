package org.jianhu.supervision.risk;

import java.util.Locale;

/** The colour supervisors see; a project's level is its worst open signal. */
public enum RiskLevel {
    GREEN, YELLOW, RED;

    /** The level a caller names, in any case: {@code red}, {@code RED}. */
    public static RiskLevel named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("level is green, yellow or red, not '" + name + "'");
        }
    }

    public RiskLevel worse(RiskLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
