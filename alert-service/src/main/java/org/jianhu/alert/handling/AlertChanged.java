package org.jianhu.alert.handling;

import org.jianhu.alert.lifecycle.Change;
import org.jianhu.alert.lifecycle.Level;

/**
 * Published, inside the transaction, for every step stored: {@code position} is the step's timeline row.
 * Listeners that write do so in that same transaction, so the step and what follows from it commit together.
 */
public record AlertChanged(Change change, Level levelBefore, long position) {

    /** Raised, reopened, escalated, or its colour rose: what subscribers are told about. */
    public boolean worthTelling() {
        return switch (change.step()) {
            case RAISED, REOPENED, ESCALATED -> true;
            case SIGNAL_LEVEL_CHANGED -> change.after().level().above(levelBefore);
            default -> false;
        };
    }
}
