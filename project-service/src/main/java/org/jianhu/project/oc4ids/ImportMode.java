package org.jianhu.project.oc4ids;

import org.jianhu.project.project.RejectedCommand;

/** What to do with a package of which some parts cannot be recorded: refuse it whole, or record the rest. */
public enum ImportMode {

    STRICT("strict"), PARTIAL("partial");

    private final String value;

    ImportMode(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static ImportMode of(String mode) {
        for (ImportMode candidate : values()) {
            if (candidate.value.equals(mode)) {
                return candidate;
            }
        }
        throw RejectedCommand.invalid("mode", "mode is strict (refuse a package any part of which cannot be "
                + "recorded; the default) or partial (record the rest), not " + mode);
    }
}
