package org.jianhu.alert.lifecycle;

/** A colour, in rising order of concern. */
public enum Level {
    GREEN, YELLOW, RED;

    public static Level of(String name) {
        return valueOf(name.trim().toUpperCase());
    }

    public boolean above(Level other) {
        return compareTo(other) > 0;
    }
}
