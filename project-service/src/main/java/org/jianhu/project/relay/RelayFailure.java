package org.jianhu.project.relay;

/** The broker did not take a batch; the relay's position stays where it was and the batch is re-sent. */
public class RelayFailure extends RuntimeException {

    public RelayFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
