package org.jianhu.alert.subscription;

import org.jianhu.alert.destination.WebhookSettings;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a subscription's alerts go: a webhook, a mailbox, a queue of the supervisor's own, or a group robot of
 * DingTalk (钉钉, also 浙政钉) or WeCom (企业微信).
 */
public enum Channel {
    WEBHOOK, MAIL, QUEUE, DINGTALK, WECOM;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<Channel> of(String name) {
        return Arrays.stream(values()).filter(channel -> channel.wireName().equals(name)).findFirst();
    }

    /** The channels, as a subscriber names them: "webhook, mail, queue, dingtalk or wecom". */
    public static String names() {
        List<String> names = Arrays.stream(values()).map(Channel::wireName).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** One delivery per subscription from the delivery queue; a queue subscription reads the alerts exchange. */
    public boolean deliveredPerSubscription() {
        return this != QUEUE;
    }

    /** The wire names of {@link #deliveredPerSubscription()} channels, as an SQL list. */
    public static String deliveredPerSubscriptionSql() {
        return Arrays.stream(values()).filter(Channel::deliveredPerSubscription)
                .map(channel -> "'" + channel.wireName() + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    public boolean sentToUrl() {
        return this == WEBHOOK || this == DINGTALK || this == WECOM;
    }

    /** Signed with the subscription's secret: a webhook always, a DingTalk robot when it uses 加签. */
    public boolean signed() {
        return this == WEBHOOK || this == DINGTALK;
    }

    /** The hosts a robot's URL must be on (its vendor's, as configured); any host for a webhook. */
    public List<String> requiredHosts(WebhookSettings settings) {
        return switch (this) {
            case DINGTALK -> settings.dingtalkHosts();
            case WECOM -> settings.wecomHosts();
            case WEBHOOK, MAIL, QUEUE -> List.of();
        };
    }
}
