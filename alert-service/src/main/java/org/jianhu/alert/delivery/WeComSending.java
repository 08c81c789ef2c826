package org.jianhu.alert.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.alert.destination.WebhookSettings;
import org.jianhu.alert.subscription.Channel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * A WeCom (企业微信) group robot: {@code {"msgtype": "markdown", "markdown": {"content"}}} to its URL, whose
 * {@code key} is its only credential; WeCom's markdown colours are {@code warning}, {@code comment} and
 * {@code info}.
 */
@Component
class WeComSending extends RobotSending {

    WeComSending(HttpPosting http, ObjectMapper json, WebhookSettings webhooks,
                 @Value("${jianhu.console.url}") String consoleUrl) {
        super(Channel.WECOM, "WeCom", RobotCard.Palette.WECOM, http, json, webhooks, consoleUrl);
    }

    @Override
    Map<String, Object> message(RobotCard card) {
        return Map.of("msgtype", "markdown", "markdown", Map.of("content", card.text()));
    }
}
