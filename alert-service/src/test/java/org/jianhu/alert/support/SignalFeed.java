package org.jianhu.alert.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.jianhu.testsupport.Infrastructure;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Crafts signal changes as supervision sends them and puts them straight on the risk-signals exchange. */
public final class SignalFeed {

    private final ObjectMapper json;
    private final String exchange;

    public SignalFeed(ObjectMapper json, String amqpPrefix) {
        this.json = json;
        this.exchange = amqpPrefix + ".risk-signals";
    }

    public static Map<String, Object> change(UUID signalId, String projectId, String ruleId, String change,
                                             String level, String previousLevel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("changeId", UUID.randomUUID().toString());
        body.put("signalId", signalId.toString());
        body.put("projectId", projectId);
        body.put("ruleId", ruleId);
        body.put("ruleVersion", 1);
        body.put("subject", "contract c-1");
        body.put("change", change);
        body.put("level", level);
        if (previousLevel != null) {
            body.put("previousLevel", previousLevel);
        }
        body.put("numbers", Map.of("paid", 1200000.00));
        body.put("evidence", List.of(1001L, 1002L));
        body.put("explanationZh", "付款超前于进度");
        body.put("explanationEn", "payment ahead of progress");
        body.put("occurredAt", Instant.parse("2026-03-01T02:00:00Z").toString());
        body.put("aFieldFromALaterRevision", "ignored");
        return body;
    }

    /** The project as supervision knows it, added to a change: region, code, title, owner and supervisors. */
    public static Map<String, Object> about(Map<String, Object> change, String region, String... supervisors) {
        String projectId = (String) change.get("projectId");
        change.put("region", region);
        change.put("projectCode", "C-" + projectId);
        change.put("projectTitle", "Bridge " + projectId);
        change.put("ownerOrganisation", "transport-bureau");
        change.put("supervisors", List.of(supervisors));
        return change;
    }

    public static Map<String, Object> raised(UUID signalId, String projectId, String level) {
        return change(signalId, projectId, "R01", "raised", level, null);
    }

    public static Map<String, Object> levelChanged(UUID signalId, String projectId, String level, String previous) {
        return change(signalId, projectId, "R01", "levelChanged", level, previous);
    }

    /** The signal unchanged at {@code level}, the project it carries changed. */
    public static Map<String, Object> restated(UUID signalId, String projectId, String level) {
        return change(signalId, projectId, "R01", "restated", level, level);
    }

    public static Map<String, Object> cleared(UUID signalId, String projectId, String previous) {
        return change(signalId, projectId, "R01", "cleared", "GREEN", previous);
    }

    @SafeVarargs
    public final void publish(Map<String, Object>... changes) throws Exception {
        publishRaw(changes);
    }

    public void publishRaw(Object... bodies) throws Exception {
        try (Connection connection = Infrastructure.rabbit().connectionFactory().newConnection("jianhu-test-signals");
             Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (Object body : bodies) {
                byte[] bytes = body instanceof byte[] raw ? raw : json.writeValueAsBytes(body);
                String level = body instanceof Map<?, ?> map ? String.valueOf(map.get("level")).toLowerCase() : "red";
                String messageId = body instanceof Map<?, ?> map ? String.valueOf(map.get("changeId")) : "x";
                String rule = body instanceof Map<?, ?> map ? String.valueOf(map.get("ruleId")) : "R01";
                channel.basicPublish(exchange, "signal." + level + "." + rule, new AMQP.BasicProperties.Builder()
                        .contentType("application/json").deliveryMode(2).messageId(messageId).build(), bytes);
            }
            channel.waitForConfirmsOrDie(10_000);
        }
    }
}
