package org.jianhu.alert.lifecycle;

/** The actor's role or organisation may not take this step. */
public class NotPermitted extends RuntimeException {

    public NotPermitted(String message) {
        super(message);
    }
}
