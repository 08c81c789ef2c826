package org.jianhu.alert.web;

/** The request names no acting user or role. */
public class Unidentified extends RuntimeException {

    public Unidentified(String message) {
        super(message);
    }
}
