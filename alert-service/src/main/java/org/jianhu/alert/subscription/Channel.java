package org.jianhu.alert.subscription;

import java.util.Arrays;

/** Where a subscription's alerts go. */
public enum Channel {
    WEBHOOK, MAIL, QUEUE;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Channel of(String name) {
        return Arrays.stream(values()).filter(channel -> channel.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("channel must be webhook, mail or queue"));
    }
}
