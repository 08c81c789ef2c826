package org.jianhu.supervision.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.supervision.support.SupervisionIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The service describes its API at /v3/api-docs, outside /api/ and so open to callers without an identity. */
class OpenApiDocumentIT extends SupervisionIT {

    private JsonNode document;

    @BeforeEach
    void readTheDocumentWithoutAnIdentity() throws Exception {
        ResponseEntity<String> answer = http.getForEntity("/v3/api-docs", String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        document = json.readTree(answer.getBody());
    }

    @Test
    void theDocumentListsEveryEndpoint() {
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(operations()).containsExactlyInAnyOrder(
                "GET /api/risk/projects", "GET /api/risk/portfolio", "GET /api/risk/projects/{projectId}",
                "GET /api/risk/signals", "GET /api/risk/rules", "PUT /api/risk/rules/{ruleId}",
                "POST /api/risk/rebuild", "GET /api/risk/rebuild/{rebuildId}", "GET /api/risk/parked",
                "POST /api/risk/parked/{projectId}/retry");
    }

    @Test
    void oneProjectIsReadNowOrAsOfAnInstant() {
        JsonNode operation = document.at("/paths/~1api~1risk~1projects~1{projectId}/get");
        assertThat(parameter(operation, "projectId").get("required").asBoolean()).isTrue();
        assertThat(parameter(operation, "asOf").get("required").asBoolean()).isFalse();
        assertThat(operation.at("/responses/200/content").findValuesAsText("$ref")).containsExactlyInAnyOrder(
                "#/components/schemas/ProjectDetail", "#/components/schemas/ProjectDetailThen");
    }

    @Test
    void theCallerIsNoParameter() {
        assertThat(document.get("paths").findValues("parameters")).flatMap(parameters -> parameters.findValuesAsText("name"))
                .doesNotContain("user", "role", "organisation", "caller");
    }

    @Test
    void theListsArePagesAskedForByLimitAndAfterWithTheirFilters() {
        Map<String, List<String>> lists = Map.of(
                "/api/risk/projects", List.of("region", "stage", "level", "rule", "text", "limit", "after"),
                "/api/risk/signals", List.of("project", "level", "status", "rule", "region", "limit", "after"),
                "/api/risk/parked", List.of("limit", "after"));
        lists.forEach((list, parameters) -> {
            JsonNode operation = document.at("/paths/" + list.replace("/", "~1") + "/get");
            assertThat(operation.get("parameters").findValuesAsText("name")).as(list)
                    .containsExactlyInAnyOrderElementsOf(parameters);
            assertThat(parameter(operation, "limit").at("/schema/maximum").asInt()).isEqualTo(500);
            String page = operation.at("/responses/200/content").elements().next().at("/schema/$ref").asText();
            JsonNode schema = document.at("/components/schemas/" + page.substring(page.lastIndexOf('/') + 1));
            assertThat(schema.get("required")).extracting(JsonNode::asText).as(list).contains("items", "next");
        });
        assertThat(document.at("/components/schemas/ProjectRisk/properties").has("openRules")).isTrue();
        assertThat(document.at("/components/schemas/Portfolio/properties").has("coloursByRegion")).isTrue();
    }

    @Test
    void changingThresholdsRequiresABodyOfNamedNumbers() {
        JsonNode body = document.at("/paths/~1api~1risk~1rules~1{ruleId}/put/requestBody");
        assertThat(body.get("required").asBoolean()).isTrue();
        JsonNode schema = body.at("/content/application~1json/schema");
        assertThat(schema.get("type").asText()).isEqualTo("object");
        assertThat(schema.at("/additionalProperties/type").asText()).isEqualTo("number");
    }

    @Test
    void aRebuildIsAccepted() {
        assertThat(document.at("/paths/~1api~1risk~1rebuild/post/responses").has("202")).isTrue();
    }

    @Test
    void everyOperationAnswersItsErrorsAsProblems() {
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode responses = operation.getValue().get("responses");
            for (String range : List.of("4XX", "5XX")) {
                assertThat(responses.at("/" + range + "/content/application~1problem+json/schema/$ref").asText())
                        .as("%s %s %s", operation.getKey(), path.getKey(), range).isEqualTo("#/components/schemas/Problem");
            }
        }));
        assertThat(document.at("/components/schemas/Problem/required")).extracting(JsonNode::asText)
                .containsExactly("type", "title", "status", "detail");
    }

    private List<String> operations() {
        List<String> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> operations.add(method.toUpperCase() + " " + path.getKey())));
        return operations;
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.get("parameters")) {
            if (name.equals(parameter.get("name").asText())) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }
}
