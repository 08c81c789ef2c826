package org.jianhu.alert.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.alert.destination.WebhookSettings;
import org.jianhu.alert.subscription.Channel;
import org.jianhu.alert.subscription.Subscription;

import java.util.Map;

/**
 * A group robot (DingTalk, WeCom): the notice as the vendor's markdown card, POSTed to the robot's URL on the
 * vendor's hosts. The vendor answers JSON with {@code errcode}: 0 is delivered, any other a failure named by it
 * ("DingTalk errcode 310000"), retried and dead-lettered like every delivery.
 */
abstract class RobotSending implements Sending {

    private final Channel channel;
    /** The vendor's name, as the delivery log tells its error codes. */
    private final String vendor;
    private final RobotCard.Palette palette;
    private final HttpPosting http;
    private final ObjectMapper json;
    private final WebhookSettings webhooks;
    private final String consoleUrl;

    RobotSending(Channel channel, String vendor, RobotCard.Palette palette, HttpPosting http, ObjectMapper json,
                 WebhookSettings webhooks, String consoleUrl) {
        this.channel = channel;
        this.vendor = vendor;
        this.palette = palette;
        this.http = http;
        this.json = json;
        this.webhooks = webhooks;
        this.consoleUrl = consoleUrl.endsWith("/") ? consoleUrl.substring(0, consoleUrl.length() - 1) : consoleUrl;
    }

    @Override
    public String channel() {
        return channel.wireName();
    }

    /** The vendor's message for the card. */
    abstract Map<String, Object> message(RobotCard card);

    /** Where to post: the robot's URL, with what the vendor's security setting needs. */
    String url(Subscription subscription) {
        return subscription.url();
    }

    @Override
    public String send(Delivery delivery, Subscription subscription) {
        AlertNotice notice = delivery.notice(json);
        RobotCard card = RobotCard.of(notice, consoleUrl + "/alerts/" + notice.alertId(), palette);
        HttpPosting.Answer answer = http.post(url(subscription), channel.requiredHosts(webhooks), Map.of(),
                write(message(card)));
        int errcode = errcode(answer.body());
        if (errcode != 0) {
            throw new DeliveryFailed(vendor + " errcode " + errcode, null);
        }
        return "HTTP " + answer.status() + ", errcode 0";
    }

    private int errcode(String answer) {
        try {
            JsonNode errcode = json.readTree(answer).path("errcode");
            if (errcode.canConvertToInt()) {
                return errcode.intValue();
            }
        } catch (JsonProcessingException unreadable) {
            // told as a failure below
        }
        throw new DeliveryFailed(vendor + " answered without errcode", null);
    }

    private String write(Map<String, Object> message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("robot message cannot be written as JSON", unwritable);
        }
    }
}
