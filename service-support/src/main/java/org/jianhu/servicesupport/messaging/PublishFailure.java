package org.jianhu.servicesupport.messaging;

/** The broker did not take a batch; the relay's position stays where it was and the batch is re-sent. */
public class PublishFailure extends RuntimeException {

    public PublishFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
