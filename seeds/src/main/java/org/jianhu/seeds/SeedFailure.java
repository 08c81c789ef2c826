package org.jianhu.seeds;

/** The load cannot go on; the message says where and why. */
public class SeedFailure extends RuntimeException {

    public SeedFailure(String message) {
        super(message);
    }
}
