package org.jianhu.servicesupport.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aNulBecomesTheReplacementCharacter() {
        assertThat(StorableText.of("coastal\u0000works")).isEqualTo("coastal\uFFFDworks");
        assertThat(StorableText.of("plain")).isEqualTo("plain");
        assertThat(StorableText.of((String) null)).isNull();
    }

    @Test
    void everyStringOfAPayloadIsMadeStorableAndNothingElseChanges() throws Exception {
        var payload = json.readTree("{\"payee\": \"a\\u0000b\", \"value\": {\"amount\": \"12.00\"}, "
                + "\"supervisors\": [\"x\\u0000\"], \"n\": 3, \"k\\u0000\": true}");
        assertThat(StorableText.of(payload).toString()).isEqualTo(
                "{\"payee\":\"a\uFFFDb\",\"value\":{\"amount\":\"12.00\"},\"supervisors\":[\"x\uFFFD\"],\"n\":3,\"k\uFFFD\":true}");
        var clean = json.readTree("{\"payee\": \"ab\"}");
        assertThat(StorableText.of(clean)).isSameAs(clean);
    }
}
