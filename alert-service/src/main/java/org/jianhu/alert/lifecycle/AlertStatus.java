package org.jianhu.alert.lifecycle;

import java.util.Arrays;

/** 预警 → 交办 → 整改 → 核验 → 销号, or dismissed. */
public enum AlertStatus {
    RAISED("raised"), ASSIGNED("assigned"), RECTIFICATION_REPORTED("rectificationReported"),
    VERIFIED("verified"), CLOSED("closed"), DISMISSED("dismissed");

    private final String wireName;

    AlertStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean open() {
        return this != CLOSED && this != DISMISSED;
    }

    public static AlertStatus of(String wireName) {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("status cannot be '" + wireName + "'"));
    }
}
