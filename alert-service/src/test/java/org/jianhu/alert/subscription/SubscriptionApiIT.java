package org.jianhu.alert.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.jianhu.alert.support.AlertIT;
import org.jianhu.testsupport.Infrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.alert.support.QueueTypes.redeclaresAs;
import static org.jianhu.alert.support.SignalFeed.about;
import static org.jianhu.alert.support.SignalFeed.raised;

/** A supervisor subscribes by region, project, level and rule, to a webhook, a mailbox or a queue of their own. */
class SubscriptionApiIT extends AlertIT {

    @Test
    void aSupervisorSubscribesListsTheirOwnAndUnsubscribes() throws Exception {
        UUID hook = subscribe("sup-li", Map.of("region", "Haishu", "level", "yellow", "rule", "R01",
                "channel", "webhook", "url", "https://203.0.113.10/hook", "secret", "s3cret"));
        UUID queue = subscribe("sup-li", Map.of("project", "p-1", "channel", "queue"));
        subscribe("sup-wang", Map.of("channel", "mail", "address", "wang@example.org"));

        JsonNode mine = http.exchange("/api/subscriptions", HttpMethod.GET,
                new HttpEntity<>(as("sup-li", "supervisor", null, "Haishu")), JsonNode.class).getBody();
        assertThat(mine).hasSize(2);
        JsonNode webhook = one(mine, hook);
        assertThat(webhook.get("level").asText()).isEqualTo("YELLOW");
        assertThat(webhook.get("url").asText()).isEqualTo("https://203.0.113.10/hook");
        assertThat(webhook.has("secret")).isFalse();
        assertThat(one(mine, queue).get("queue").asText()).isEqualTo(amqpPrefix + ".alerts.subscriber." + queue);
        assertThat(queueExists(amqpPrefix + ".alerts.subscriber." + queue)).isTrue();
        assertThat(redeclaresAs(amqpPrefix + ".alerts.subscriber." + queue, "quorum")).as("a classic queue").isFalse();

        assertThat(delete(hook, "sup-wang").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(delete(queue, "sup-li").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(queueExists(amqpPrefix + ".alerts.subscriber." + queue)).isFalse();
        assertThat(http.exchange("/api/subscriptions", HttpMethod.GET, new HttpEntity<>(as("sup-li", "supervisor", null, "Haishu")),
                JsonNode.class).getBody()).hasSize(1);
    }

    @Test
    void onlyASupervisorSubscribesAndEachChannelNamesWhereTo() {
        assertThat(post("owner-wang", "owner", Map.of("channel", "queue")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("sup-refused", "supervisor", Map.of("channel", "webhook", "secret", "x")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("sup-refused", "supervisor", Map.of("channel", "webhook", "url", "ftp://x/y", "secret", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("sup-refused", "supervisor", Map.of("channel", "mail")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("sup-refused", "supervisor", Map.of("channel", "pigeon")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        var metadata = post("sup-refused", "supervisor", Map.of("channel", "webhook",
                "url", "https://169.254.169.254/latest/meta-data", "secret", "x"));
        assertThat(metadata.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(metadata.getBody().at("/errors/0/field").asText()).isEqualTo("url");
        assertThat(metadata.getBody().get("detail").asText()).contains("link-local");
        var headerInjection = post("sup-refused", "supervisor", Map.of("channel", "mail",
                "address", "a@b.example\r\nBcc: all@example.org"));
        assertThat(headerInjection.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/subscriptions", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subscription WHERE supervisor IN ('sup-refused', 'owner-wang')",
                Long.class)).isZero();
    }

    @Test
    void eachSupervisorManagesTheirOwnAnothersSubscriptionIsAsUnknownAsNone() {
        UUID theirs = subscribe("sup-li", Map.of("channel", "mail", "address", "li@example.org"));

        assertThat(delete(theirs, "sup-wang").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.exchange("/api/subscriptions/" + theirs + "/deliveries", HttpMethod.GET,
                new HttpEntity<>(as("sup-wang", "supervisor", null, "Haishu")), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.exchange("/api/subscriptions", HttpMethod.GET,
                new HttpEntity<>(as("sup-wang", "supervisor", null, "Haishu")), JsonNode.class).getBody())
                .extracting(subscription -> subscription.get("id").asText()).doesNotContain(theirs.toString());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subscription WHERE id = ?", Long.class, theirs)).isOne();
    }

    @Test
    void aSubscriptionStaysWithinTheSupervisorsRegionAndAuditorsOwnersAndAdminsHaveNone() {
        UUID regional = subscribe("sup-region", Map.of("channel", "queue"));

        assertThat(jdbc.queryForObject("SELECT region FROM subscription WHERE id = ?", String.class, regional))
                .isEqualTo("Haishu");
        assertThat(post("sup-region", "supervisor", Map.of("region", "Beilun", "channel", "queue")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/subscriptions", new HttpEntity<>(Map.of("channel", "queue"),
                as("sup-nowhere", "supervisor", null, null)), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        for (String role : new String[] {"auditor", "admin", "owner"}) {
            assertThat(post(role + "-x", role, Map.of("channel", "queue")).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.exchange("/api/subscriptions", HttpMethod.GET,
                    new HttpEntity<>(as(role + "-x", role, null, "Haishu")), JsonNode.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subscription WHERE supervisor IN "
                + "('auditor-x', 'admin-x', 'owner-x', 'sup-nowhere')", Long.class)).isZero();
    }

    @Test
    void aWebhookPostsOnlyOverHttpsToThePublicInternetHoweverItsAddressIsSpelled() {
        for (String inside : List.of("http://203.0.113.10/hook", "https://127.0.0.1:8081/actuator",
                "https://169.254.169.254/latest/meta-data/", "https://0.0.0.0/", "https://[::1]/",
                "https://[::ffff:127.0.0.1]/", "https://[::ffff:169.254.169.254]/", "https://2130706433/",
                "https://127.1/", "https://0177.0.0.1/", "https://0x7f.0.0.1/", "https://localhost/",
                "https://10.0.0.1/", "https://192.168.1.1/", "https://100.64.0.1/", "https://[fd00::1]/",
                "https://[fe80::1]/", "https://224.0.0.1/", "https://255.255.255.255/", "https://x:y@203.0.113.10/")) {
            ResponseEntity<JsonNode> refused = post("sup-scanner", "supervisor", Map.of("channel", "webhook",
                    "url", inside, "secret", "s"));
            assertProblem(refused, HttpStatus.BAD_REQUEST, "urn:jianhu:problem:invalid-request");
            assertThat(refused.getBody().at("/errors/0/field").asText()).as(inside).isEqualTo("url");
        }
        for (String robot : List.of("dingtalk", "wecom")) {
            ResponseEntity<JsonNode> elsewhere = post("sup-scanner", "supervisor", Map.of("channel", robot,
                    "url", "https://203.0.113.10/robot/send?access_token=t"));
            assertThat(elsewhere.getBody().at("/errors/0/message").asText())
                    .isIn("url must be on oapi.dingtalk.com", "url must be on qyapi.weixin.qq.com");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subscription WHERE supervisor = 'sup-scanner'", Long.class))
                .isZero();
        subscribe("sup-scanner", Map.of("channel", "webhook", "url", "https://203.0.113.10/hook", "secret", "s"));
    }

    @Test
    void aMailAddressIsOnePlainAddressWithoutHeadersOrNames() {
        for (String address : List.of("li@example.org\r\nBcc: all@example.org", "li@example.org\nBcc: all@example.org",
                "Li <li@example.org>", "li@example.org, wang@example.org", "li@localhost")) {
            ResponseEntity<JsonNode> refused = post("sup-mailer", "supervisor", Map.of("channel", "mail",
                    "address", address));
            assertProblem(refused, HttpStatus.BAD_REQUEST, "urn:jianhu:problem:invalid-request");
            assertThat(refused.getBody().at("/errors/0/field").asText()).as(address).isEqualTo("address");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subscription WHERE supervisor = 'sup-mailer'", Long.class))
                .isZero();
    }

    @Test
    void everyFieldIsCheckedByTheInputPolicyAndARefusalNamesIt() {
        Map<String, Map<String, String>> refusals = Map.of(
                "project", Map.of("channel", "queue", "project", "p 1; drop"),
                "rule", Map.of("channel", "queue", "rule", "R01\tR02"),
                "level", Map.of("channel", "queue", "level", "purple"),
                "channel", Map.of("channel", "pigeon"),
                "region", Map.of("channel", "queue", "region", "Haishu\nBeilun"),
                "secret", Map.of("channel", "webhook", "url", "https://203.0.113.10/hook", "secret", "s".repeat(201)),
                "url", Map.of("channel", "webhook", "url", "https://203.0.113.10/" + "x".repeat(2000), "secret", "s"));
        refusals.forEach((field, body) -> {
            ResponseEntity<JsonNode> refused = post("sup-sloppy", "supervisor", body);
            assertProblem(refused, HttpStatus.BAD_REQUEST, "urn:jianhu:problem:invalid-request");
            assertThat(refused.getBody().at("/errors/0/field").asText()).isEqualTo(field);
            assertThat(refused.getBody().get("detail").asText()).doesNotContain("java.", "Exception");
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subscription WHERE supervisor = 'sup-sloppy'", Long.class))
                .isZero();
    }

    @Test
    void aProjectOutsideTheRegionIsFollowedOnlyByASupervisorItNamesAndNotByQueue() throws Exception {
        UUID signal = UUID.randomUUID();
        feed.publish(about(raised(signal, "p-beilun", "RED"), "Beilun", "sup-named"));
        awaitAlertOf(signal);

        ResponseEntity<JsonNode> stranger = post("sup-stranger", "supervisor", Map.of("project", "p-beilun",
                "channel", "webhook", "url", "https://203.0.113.10/hook", "secret", "s"));
        assertProblem(stranger, HttpStatus.FORBIDDEN, "urn:jianhu:problem:forbidden");
        assertThat(stranger.getBody().get("detail").asText()).isEqualTo("project p-beilun is outside your region "
                + "(Haishu) and does not name you among its supervisors, so its alerts are not yours to follow");
        ResponseEntity<JsonNode> queue = post("sup-named", "supervisor", Map.of("project", "p-beilun",
                "channel", "queue"));
        assertProblem(queue, HttpStatus.FORBIDDEN, "urn:jianhu:problem:forbidden");
        assertThat(queue.getBody().get("detail").asText()).contains("a queue carries only your region's alerts");

        subscribe("sup-named", Map.of("project", "p-beilun", "channel", "mail", "address", "named@example.org"));
        subscribe("sup-stranger", Map.of("project", "p-not-heard-of", "channel", "queue"));
    }

    private static JsonNode one(JsonNode subscriptions, UUID id) {
        for (JsonNode subscription : subscriptions) {
            if (subscription.get("id").asText().equals(id.toString())) {
                return subscription;
            }
        }
        throw new AssertionError("no subscription " + id + " in " + subscriptions);
    }

    private ResponseEntity<JsonNode> post(String user, String role, Map<String, ?> body) {
        return http.postForEntity("/api/subscriptions", new HttpEntity<>(body, as(user, role, null, "Haishu")), JsonNode.class);
    }

    private ResponseEntity<JsonNode> delete(UUID id, String supervisor) {
        return http.exchange("/api/subscriptions/" + id, HttpMethod.DELETE,
                new HttpEntity<>(as(supervisor, "supervisor", null, "Haishu")), JsonNode.class);
    }

    private static boolean queueExists(String queue) throws Exception {
        try (Connection connection = Infrastructure.rabbit().connectionFactory().newConnection("jianhu-test-check")) {
            Channel channel = connection.createChannel();
            try {
                channel.queueDeclarePassive(queue);
                return true;
            } catch (IOException absent) {
                return false;
            }
        }
    }
}
