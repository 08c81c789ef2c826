package org.jianhu.supervision.signal;

public enum ChangeType {
    RAISED("raised"), LEVEL_CHANGED("levelChanged"), CLEARED("cleared"), RESTATED("restated");

    private final String wireName;

    ChangeType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
