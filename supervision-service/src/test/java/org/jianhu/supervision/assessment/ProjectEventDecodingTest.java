package org.jianhu.supervision.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jianhu.contracts.project.TransactionRecorded;
import org.jianhu.supervision.support.ProjectEventsFeed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.support.ProjectEventsFeed.payment;
import static org.jianhu.supervision.support.ProjectEventsFeed.registered;

/** Events are read into what PostgreSQL can store: a NUL the project service once accepted is U+FFFD here. */
class ProjectEventDecodingTest {

    private final ObjectMapper json = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final ProjectEventDecoding decoding = new ProjectEventDecoding(json);
    private final ProjectEventsFeed feed = new ProjectEventsFeed(json, "test");

    @Test
    void aNulInATextIsReadAsAReplacementCharacter() {
        TransactionRecorded paid = new TransactionRecorded("p-1", "t-1", TransactionRecorded.PAYMENT, null, null,
                "bureau", "builder\u0000zhao\u0000", null, null);

        TransactionRecorded read = (TransactionRecorded) decoding.decode(feed.envelope(0, 1, paid)).orElseThrow();

        assertThat(read.payee()).isEqualTo("builder\uFFFDzhao\uFFFD");
        assertThat(read.payer()).isEqualTo("bureau");
    }

    @Test
    void aNulIsReplacedInNamesAndArraysAtAnyDepth() throws Exception {
        JsonNode payload = json.readTree("{\"a\\u0000\": [\"x\\u0000\", {\"b\": \"\\u0000\"}, 1], \"c\": null}");

        assertThat(ProjectEventDecoding.storable(payload).toString())
                .isEqualTo("{\"a\uFFFD\":[\"x\uFFFD\",{\"b\":\"\uFFFD\"},1],\"c\":null}");
    }

    @Test
    void aPayloadWithoutNulIsTakenAsItIs() {
        JsonNode payload = json.valueToTree(payment("p-1", "t-1", "100.00"));

        assertThat(ProjectEventDecoding.storable(payload)).isSameAs(payload);
        assertThat(decoding.decode(feed.envelope(0, 0, registered("p-1", "Haishu")))).isPresent();
    }
}
