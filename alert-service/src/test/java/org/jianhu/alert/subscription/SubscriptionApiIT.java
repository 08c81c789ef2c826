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
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.alert.support.QueueTypes.redeclaresAs;

/** A supervisor subscribes by region, project, level and rule, to a webhook, a mailbox or a queue of their own. */
class SubscriptionApiIT extends AlertIT {

    @Test
    void aSupervisorSubscribesListsTheirOwnAndUnsubscribes() throws Exception {
        UUID hook = subscribe("sup-li", Map.of("region", "Haishu", "level", "yellow", "rule", "R01",
                "channel", "webhook", "url", "http://localhost:9/hook", "secret", "s3cret"));
        UUID queue = subscribe("sup-li", Map.of("project", "p-1", "channel", "queue"));
        subscribe("sup-wang", Map.of("channel", "mail", "address", "wang@example.org"));

        JsonNode mine = http.exchange("/api/subscriptions", HttpMethod.GET,
                new HttpEntity<>(as("sup-li", "supervisor", null, "Haishu")), JsonNode.class).getBody();
        assertThat(mine).hasSize(2);
        JsonNode webhook = one(mine, hook);
        assertThat(webhook.get("level").asText()).isEqualTo("YELLOW");
        assertThat(webhook.get("url").asText()).isEqualTo("http://localhost:9/hook");
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
                "url", "http://169.254.169.254/latest/meta-data", "secret", "x"));
        assertThat(metadata.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(metadata.getBody().at("/errors/0/field").asText()).isEqualTo("url");
        assertThat(metadata.getBody().get("detail").asText()).startsWith("refused by policy");
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
