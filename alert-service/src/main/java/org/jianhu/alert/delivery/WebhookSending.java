package org.jianhu.alert.delivery;

import org.jianhu.alert.subscription.Channel;
import org.jianhu.alert.subscription.Subscription;
import org.jianhu.alert.subscription.WebhookDestinations;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;

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

    private final HttpClient http;
    private final DeliveryPolicy policy;
    private final WebhookDestinations destinations;
    private final Clock clock;

    WebhookSending(DeliveryPolicy policy, WebhookDestinations destinations, Clock clock) {
        this.policy = policy;
        this.destinations = destinations;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(policy.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String channel() {
        return Channel.WEBHOOK.wireName();
    }

    @Override
    public String send(Delivery delivery, Subscription subscription) {
        // judged again now: the name may point elsewhere than when the subscription was made
        destinations.refusal(subscription.url(), WebhookDestinations::dns).ifPresent(refusal -> {
            throw new DeliveryFailed(refusal.startsWith("refused by policy") ? "refused by policy" : refusal, null);
        });
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url())).timeout(policy.timeout())
                .header("Content-Type", "application/json").header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + signature(subscription.secret(), timestamp, delivery.payload()))
                .header(DELIVERY, delivery.id().toString())
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8)).build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException timedOut) {
            throw new DeliveryFailed("timeout", timedOut);
        } catch (ConnectException refused) {
            throw new DeliveryFailed("connection refused", refused);
        } catch (IOException unreachable) {
            throw new DeliveryFailed("not reached", unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted", interrupted);
        }
        if (response.statusCode() / 100 == 3) {
            throw new DeliveryFailed("redirect refused (HTTP " + response.statusCode() + ")", null);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailed("HTTP " + response.statusCode(), null);
        }
        return "HTTP " + response.statusCode();
    }

    static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HMAC-SHA256 is not available", unavailable);
        }
    }
}
