package org.jianhu.supervision.signal;

/** The broker did not take a batch of signal changes; they stay unpublished and are re-sent. */
public class SignalRelayFailure extends RuntimeException {

    public SignalRelayFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
