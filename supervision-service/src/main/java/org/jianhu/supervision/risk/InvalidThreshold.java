package org.jianhu.supervision.risk;

/** A threshold change refused, naming the threshold at fault (answered 400 with it as the field). */
public class InvalidThreshold extends IllegalArgumentException {

    private final String threshold;

    InvalidThreshold(String threshold, String message) {
        super(message);
        this.threshold = threshold;
    }

    public String threshold() {
        return threshold;
    }
}
