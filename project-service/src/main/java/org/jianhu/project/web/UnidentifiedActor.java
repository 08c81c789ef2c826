package org.jianhu.project.web;

/** A write arrived without an identity the gateway vouches for. */
public class UnidentifiedActor extends RuntimeException {

    public UnidentifiedActor(String message) {
        super(message);
    }
}
