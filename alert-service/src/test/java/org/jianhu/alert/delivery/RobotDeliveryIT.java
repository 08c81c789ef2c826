package org.jianhu.alert.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.alert.support.AlertIT;
import org.jianhu.alert.support.RobotReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.alert.support.SignalFeed.about;
import static org.jianhu.alert.support.SignalFeed.raised;

/**
 * DingTalk (钉钉) and WeCom (企业微信) group robots as channels: a markdown card per told change, signed for
 * DingTalk as the vendor checks it, the vendor's errcode deciding delivered or failed, retried and dead-lettered
 * like webhooks. The local robots stand on 127.0.0.1, configured as the vendors' hosts and allowed.
 */
@TestPropertySource(properties = {"jianhu.delivery.first-backoff=100ms", "jianhu.delivery.max-attempts=2",
        "jianhu.delivery.poll-interval-ms=50", "jianhu.webhooks.allowed-hosts=127.0.0.1/32",
        "jianhu.webhooks.allow-http=true", "jianhu.webhooks.dingtalk-hosts=127.0.0.1",
        "jianhu.webhooks.wecom-hosts=127.0.0.1", "jianhu.console.url=https://console.example/"})
class RobotDeliveryIT extends AlertIT {

    static final RobotReceiver ROBOTS = open();

    @AfterAll
    static void closeRobots() {
        ROBOTS.close();
    }

    @Test
    void aDingTalkRobotGetsOneSignedMarkdownCardThatTheVendorsCheckTakes() throws Exception {
        UUID subscription = subscribe("sup-ding", Map.of("project", "p-ding", "channel", "dingtalk",
                "url", ROBOTS.dingTalkUrl("ding-token"), "secret", "SEC-ding-secret"));
        UUID signal = UUID.randomUUID();
        feed.publish(about(raised(signal, "p-ding", "RED"), "Haishu", "sup-li"));

        await().atMost(Duration.ofSeconds(20)).until(() -> cards("markdown", "title").size() == 1);
        JsonNode card = cards("markdown", "title").get(0);
        UUID alert = awaitAlertOf(signal);
        assertThat(card.at("/markdown/title").asText()).isEqualTo("红色预警 R01 C-p-ding Bridge p-ding");
        assertThat(card.at("/markdown/text").asText()).contains("<font color=\"#FF0000\">【红色预警】</font>",
                "**项目**：C-p-ding Bridge p-ding", "**规则**：R01 支付超前于进度", "**说明**：付款超前于进度",
                "[查看预警](https://console.example/alerts/" + alert + ")");
        JsonNode delivery = await().atMost(Duration.ofSeconds(5)).until(() -> deliveries("sup-ding", subscription).get(0),
                found -> found.get("status").asText().equals("delivered"));
        assertThat(delivery.get("tries")).extracting(attempt -> attempt.get("detail").asText())
                .containsExactly("HTTP 200, errcode 0");
    }

    @Test
    void aDingTalkRefusalIsTheVendorsErrcodeRetriedAndDeadLettered() throws Exception {
        UUID wrongSecret = subscribe("sup-ding-wrong", Map.of("project", "p-ding-wrong", "channel", "dingtalk",
                "url", ROBOTS.dingTalkUrl("ding-token"), "secret", "SEC-not-the-robots"));
        UUID unsigned = subscribe("sup-ding-wrong", Map.of("project", "p-ding-wrong", "channel", "dingtalk",
                "url", ROBOTS.dingTalkUrl("ding-token")));
        feed.publish(about(raised(UUID.randomUUID(), "p-ding-wrong", "RED"), "Haishu", "sup-li"));

        for (UUID subscription : new UUID[] {wrongSecret, unsigned}) {
            JsonNode dead = deadLettered("sup-ding-wrong", subscription);
            assertThat(dead.get("lastError").asText()).isEqualTo("DingTalk errcode 310000");
            assertThat(dead.get("tries")).hasSize(2);
        }
    }

    @Test
    void aWeComRobotGetsAMarkdownCardAndAnUnknownKeyIsItsErrcode() throws Exception {
        UUID right = subscribe("sup-wecom", Map.of("project", "p-wecom", "channel", "wecom",
                "url", ROBOTS.weComUrl("wecom-key")));
        UUID wrong = subscribe("sup-wecom", Map.of("project", "p-wecom", "channel", "wecom",
                "url", ROBOTS.weComUrl("not-the-key")));
        feed.publish(about(raised(UUID.randomUUID(), "p-wecom", "YELLOW"), "Haishu", "sup-li"));

        await().atMost(Duration.ofSeconds(20)).until(() -> cards("markdown", "content").size() == 1);
        assertThat(cards("markdown", "content").get(0).at("/markdown/content").asText())
                .startsWith("### <font color=\"comment\">【黄色预警】</font> R01 支付超前于进度\n**项目**：C-p-wecom Bridge p-wecom");
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries("sup-wecom", right).get(0).get("status").asText()
                .equals("delivered"));
        assertThat(deadLettered("sup-wecom", wrong).get("lastError").asText()).isEqualTo("WeCom errcode 93000");
    }

    @Test
    void aRobotsUrlMustBeOnItsVendorsHost() {
        ResponseEntity<JsonNode> elsewhere = http.postForEntity("/api/subscriptions", new HttpEntity<>(
                Map.of("channel", "dingtalk", "url", "http://localhost:9/robot/send?access_token=t"),
                as("sup-ding", "supervisor", null, "Haishu")), JsonNode.class);

        assertProblem(elsewhere, HttpStatus.BAD_REQUEST, "urn:jianhu:problem:invalid-request");
        assertThat(elsewhere.getBody().at("/errors/0/message").asText()).isEqualTo("url must be on 127.0.0.1");
    }

    private static List<JsonNode> cards(String type, String field) {
        return ROBOTS.accepted().stream().filter(message -> message.path(type).has(field)).toList();
    }

    private JsonNode deadLettered(String supervisor, UUID subscription) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(supervisor, subscription),
                found -> found.size() == 1 && found.get(0).get("status").asText().equals("deadLettered")).get(0);
    }

    private JsonNode deliveries(String supervisor, UUID subscription) {
        return http.exchange("/api/subscriptions/" + subscription + "/deliveries", HttpMethod.GET,
                new HttpEntity<>(as(supervisor, "supervisor", null, "Haishu")), JsonNode.class).getBody();
    }

    private static RobotReceiver open() {
        try {
            return new RobotReceiver("ding-token", "SEC-ding-secret", "wecom-key");
        } catch (IOException unavailable) {
            throw new IllegalStateException("no port for the test robots", unavailable);
        }
    }
}
