package org.jianhu.alert.lifecycle;

/** The step is not possible from the alert's current status. */
public class IllegalTransition extends RuntimeException {

    public IllegalTransition(String step, AlertStatus from) {
        super("cannot " + step + " an alert that is " + from.wireName());
    }
}
