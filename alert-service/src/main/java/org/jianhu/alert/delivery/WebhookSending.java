package org.jianhu.alert.delivery;

import org.jianhu.alert.subscription.Channel;
import org.jianhu.alert.subscription.Subscription;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * POSTs the notice as JSON, signed: {@code X-Jianhu-Signature: sha256=<hex HMAC-SHA256 of
 * "<timestamp>.<body>">} with the subscription's secret, {@code X-Jianhu-Timestamp} in epoch seconds, and
 * {@code X-Jianhu-Delivery} the same on every try so that a receiver can drop repeats. Any 2xx is taken.
 */
@Component
class WebhookSending implements Sending {

    static final String TIMESTAMP = "X-Jianhu-Timestamp";
    static final String SIGNATURE = "X-Jianhu-Signature";
    static final String DELIVERY = "X-Jianhu-Delivery";

    private final HttpPosting http;
    private final Clock clock;

    WebhookSending(HttpPosting http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return Channel.WEBHOOK.wireName();
    }

    @Override
    public String send(Delivery delivery, Subscription subscription) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpPosting.Answer answer = http.post(subscription.url(), List.of(), Map.of(TIMESTAMP, timestamp,
                SIGNATURE, "sha256=" + signature(subscription.secret(), timestamp, delivery.payload()),
                DELIVERY, delivery.id().toString()), delivery.payload());
        return "HTTP " + answer.status();
    }

    static String signature(String secret, String timestamp, String body) {
        return HexFormat.of().formatHex(hmacSha256(secret, timestamp + "." + body));
    }

    /** HMAC-SHA256 of the text with the secret as key, both as UTF-8: what every signing channel computes. */
    static byte[] hmacSha256(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HMAC-SHA256 is not available", unavailable);
        }
    }
}
