package org.jianhu.alert.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.alert.destination.WebhookSettings;
import org.jianhu.alert.subscription.Channel;
import org.jianhu.alert.subscription.Subscription;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

/**
 * A DingTalk (钉钉, 浙政钉) custom robot: {@code {"msgtype": "markdown", "markdown": {"title", "text"}}}. With 加签
 * (a secret), the URL gets {@code timestamp} (epoch milliseconds) and {@code sign}, the URL-encoded Base64 of
 * HMAC-SHA256 over {@code timestamp + "\n" + secret} keyed with the secret, as DingTalk documents it.
 */
@Component
class DingTalkSending extends RobotSending {

    /** DingTalk refuses a timestamp more than an hour from its own clock: wall time, whatever the business clock. */
    private static final Clock WALL = Clock.systemUTC();

    DingTalkSending(HttpPosting http, ObjectMapper json, WebhookSettings webhooks,
                    @Value("${jianhu.console.url}") String consoleUrl) {
        super(Channel.DINGTALK, "DingTalk", RobotCard.Palette.DINGTALK, http, json, webhooks, consoleUrl);
    }

    @Override
    Map<String, Object> message(RobotCard card) {
        return Map.of("msgtype", "markdown", "markdown", Map.of("title", card.title(), "text", card.text()));
    }

    @Override
    String url(Subscription subscription) {
        if (subscription.secret() == null) {
            return subscription.url();
        }
        return signed(subscription.url(), subscription.secret(), WALL.millis());
    }

    static String signed(String url, String secret, long timestamp) {
        String sign = Base64.getEncoder().encodeToString(WebhookSending.hmacSha256(secret, timestamp + "\n" + secret));
        return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                + URLEncoder.encode(sign, StandardCharsets.UTF_8);
    }
}
