package org.jianhu.project.web;

/** A request reached a controller without an identity the gateway vouched for. */
public class UnidentifiedActor extends RuntimeException {

    public UnidentifiedActor(String message) {
        super(message);
    }
}
