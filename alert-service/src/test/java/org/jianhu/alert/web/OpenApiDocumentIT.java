package org.jianhu.alert.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.alert.support.AlertIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document the console's typed client is generated from: every endpoint, and what a body must hold. */
class OpenApiDocumentIT extends AlertIT {

    @Test
    void theDocumentListsEveryEndpointAndNeedsNoIdentity() {
        ResponseEntity<JsonNode> response = http.getForEntity("/v3/api-docs", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("openapi").asText()).startsWith("3.");
        assertThat(operations(response.getBody())).containsExactlyInAnyOrder(
                "GET /api/alerts", "GET /api/alerts/{id}", "POST /api/alerts/{id}/assignment",
                "POST /api/alerts/{id}/rectification", "POST /api/alerts/{id}/verification",
                "POST /api/alerts/{id}/closure", "POST /api/alerts/{id}/dismissal", "GET /api/alerts/stream",
                "GET /api/subscriptions", "POST /api/subscriptions", "GET /api/subscriptions/{id}",
                "DELETE /api/subscriptions/{id}",
                "GET /api/subscriptions/{subscriptionId}/deliveries",
                "POST /api/subscriptions/{subscriptionId}/deliveries/{deliveryId}/resend",
                "GET /api/alerts/parked", "POST /api/alerts/parked/{projectId}/retry");
    }

    @Test
    void theActingUserIsNoParameterOfAnyEndpoint() {
        JsonNode document = document();

        assertThat(document.at("/paths/~1api~1alerts/get/parameters").findValuesAsText("name"))
                .containsExactlyInAnyOrder("status", "level", "project", "region", "rule", "limit", "after");
        assertThat(document.get("paths").findValuesAsText("name")).doesNotContain("user", "role", "organisation");
        // a region is only ever the alert list's filter, never the caller's
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (!(path.getKey().equals("/api/alerts") && operation.getKey().equals("get"))) {
                assertThat(operation.getValue().findValuesAsText("name")).as(path.getKey()).doesNotContain("region");
            }
        }));
    }

    @Test
    void theListsArePagesOfOneShapeAskedForByLimitAndAfter() {
        JsonNode document = document();

        for (String list : List.of("/api/alerts", "/api/alerts/parked")) {
            JsonNode operation = document.at("/paths/" + list.replace("/", "~1") + "/get");
            String page = operation.at("/responses/200/content").elements().next().at("/schema/$ref").asText();
            assertThat(page).as(list).startsWith("#/components/schemas/Page");
            JsonNode schema = document.at("/components/schemas/" + page.substring(page.lastIndexOf('/') + 1));
            assertThat(schema.get("properties").fieldNames()).toIterable().as(list).contains("items", "next");
            assertThat(schema.get("required")).extracting(JsonNode::asText).as(list).contains("items", "next");
            JsonNode limit = operation.get("parameters").findParents("name").stream()
                    .filter(parameter -> parameter.get("name").asText().equals("limit")).findFirst().orElseThrow();
            assertThat(limit.at("/schema/maximum").asInt()).isEqualTo(500);
            assertThat(limit.at("/schema/default").asInt()).isEqualTo(50);
        }
    }

    @Test
    void requestBodiesMarkTheirRequiredFields() {
        JsonNode schemas = document().at("/components/schemas");

        assertThat(required(schemas, "Assignment")).containsExactlyInAnyOrder("organisation", "deadline");
        assertThat(required(schemas, "Rectification")).containsExactly("comment");
        assertThat(required(schemas, "Verification")).containsExactly("accepted");
        assertThat(required(schemas, "Closure")).isEmpty();
        assertThat(required(schemas, "Dismissal")).containsExactly("justification");
        assertThat(required(schemas, "SubscriptionRequest")).containsExactly("channel");
    }

    @Test
    void aSubscriptionShowsTheBreakerOfItsDestination() {
        JsonNode schemas = document().at("/components/schemas");

        assertThat(schemas.at("/Subscription/properties/destination").toString()).contains("DestinationState");
        List<String> states = new ArrayList<>();
        schemas.at("/DestinationState/properties/state/enum").forEach(state -> states.add(state.asText()));
        assertThat(states).containsExactly("closed", "open", "probing");
        assertThat(required(schemas, "DestinationState")).containsExactlyInAnyOrder("state", "consecutiveFailures");
    }

    @Test
    void aClosureMayComeWithoutABodyEveryOtherStepNeedsOne() {
        JsonNode document = document();

        assertThat(document.at("/paths/~1api~1alerts~1{id}~1closure/post/requestBody/required").asBoolean()).isFalse();
        for (String step : List.of("assignment", "rectification", "verification", "dismissal")) {
            assertThat(document.at("/paths/~1api~1alerts~1{id}~1" + step + "/post/requestBody/required").asBoolean())
                    .as(step).isTrue();
        }
    }

    @Test
    void theLiveStreamIsServerSentEventsOfTimelineRowsWithTheirAlertsSummary() {
        JsonNode stream = document().at("/paths/~1api~1alerts~1stream/get");

        assertThat(stream.at("/responses/200/content").fieldNames()).toIterable().containsExactly("text/event-stream");
        assertThat(stream.at("/responses/200/content/text~1event-stream/schema/$ref").asText())
                .isEqualTo("#/components/schemas/StreamedStep");
        assertThat(stream.get("parameters").findValuesAsText("name")).containsExactly("Last-Event-ID");
    }

    private JsonNode document() {
        return http.getForObject("/v3/api-docs", JsonNode.class);
    }

    private static List<String> operations(JsonNode document) {
        List<String> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> operations.add(method.toUpperCase() + " " + path.getKey())));
        return operations;
    }

    private static List<String> required(JsonNode schemas, String schema) {
        assertThat(schemas.has(schema)).as(schema + " among the schemas").isTrue();
        List<String> required = new ArrayList<>();
        schemas.get(schema).path("required").forEach(field -> required.add(field.asText()));
        return required;
    }
}
