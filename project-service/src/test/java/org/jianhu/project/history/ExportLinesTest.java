package org.jianhu.project.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExportLinesTest {

    // as consumers read the log: the envelope, ignoring what it does not name
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final byte[] PAYLOAD = """
            {"projectId":"p-1","transactionId":"t-1","kind":"payment","value":{"amount":"1000.00","currency":"CNY"},\
            "payee":{"id":"CN-1","name":"宁波海兴建设\\n有限公司"}}""".getBytes(StandardCharsets.UTF_8);
    private static final byte[] METADATA = "{\"actorUser\":\"owner-zhang\",\"actorRole\":\"owner\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aLineReadsAsTheEnvelopeWithTheStoredPayloadAndMetadataAndCarriesTheStoredBytes() throws Exception {
        String line = export(new ExportedEvent("e-1", "p-1", 3, 42, "TransactionRecorded", "2",
                Instant.parse("2026-12-02T11:20:31.701063Z"), METADATA, PAYLOAD, "Project",
                "org.jianhu.contracts.project.TransactionRecorded", new ExportedEvent.Leaf(41, new byte[]{1, 2, 3})));

        EventEnvelope envelope = json.readValue(line, EventEnvelope.class);
        JsonNode whole = json.readTree(line);

        assertThat(envelope).usingRecursiveComparison().isEqualTo(new EventEnvelope("e-1", "p-1", 3, 42,
                "TransactionRecorded", "2", Instant.parse("2026-12-02T11:20:31.701063Z"),
                Map.of("actorUser", "owner-zhang", "actorRole", "owner"), json.readTree(PAYLOAD)));
        assertThat(Base64.getDecoder().decode(whole.at("/stored/payload").asText())).isEqualTo(PAYLOAD);
        assertThat(Base64.getDecoder().decode(whole.at("/stored/metaData").asText())).isEqualTo(METADATA);
        assertThat(whole.at("/stored/aggregateType").asText()).isEqualTo("Project");
        assertThat(whole.at("/leaf/index").asLong()).isEqualTo(41);
        assertThat(Base64.getDecoder().decode(whole.at("/leaf/hash").asText())).containsExactly(1, 2, 3);
    }

    @Test
    void eachEventIsOneLineEndedByALineFeedAndWhatARowLacksIsLeftOut() throws Exception {
        ExportedEvent bare = new ExportedEvent("e-2", "p-1", 0, 7, "ProjectRegistered", null,
                Instant.parse("2026-01-01T00:00:00Z"), null, "{\"projectId\":\"p-1\"}".getBytes(StandardCharsets.UTF_8),
                null, "org.jianhu.contracts.project.ProjectRegistered", null);

        String two = export(bare, bare);

        assertThat(two).endsWith("\n").doesNotContain("\n ").hasLineCount(2);
        JsonNode line = json.readTree(two.lines().findFirst().orElseThrow());
        assertThat(line.has("revision")).isFalse();
        assertThat(line.has("leaf")).isFalse();
        assertThat(line.get("metadata").isEmpty()).isTrue();
        assertThat(line.get("stored").has("metaData")).isFalse();
        assertThat(line.get("stored").has("aggregateType")).isFalse();
    }

    private String export(ExportedEvent... events) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (ExportLines lines = new ExportLines(json.getFactory(), output)) {
            for (ExportedEvent event : events) {
                lines.write(event);
            }
        }
        return output.toString(StandardCharsets.UTF_8);
    }
}
