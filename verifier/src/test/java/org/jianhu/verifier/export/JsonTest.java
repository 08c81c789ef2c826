package org.jianhu.verifier.export;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void valuesAreReadAsWritten() {
        Object value = Json.parse(" {\"a\": [1, -2.50, 3e2, true, false, null], \"b\": \"x\\\"\\u4e2d\\n\", \"c\": {}} ");

        assertThat(value).isEqualTo(Map.of("a", List.of(new BigDecimal("1"), new BigDecimal("-2.50"),
                new BigDecimal("3e2"), true, false, Json.NULL), "b", "x\"中\n", "c", Map.of()));
    }

    @Test
    void sameValuesMayBeWrittenDifferently() {
        assertThat(Json.same(Json.parse("{\"a\": 12.50, \"b\": [1]}"), Json.parse("{\"b\":[1.0],\"a\":12.5}"))).isTrue();
        assertThat(Json.same(Json.parse("{\"a\": \"12.50\"}"), Json.parse("{\"a\": \"12.5\"}"))).isFalse();
        assertThat(Json.same(Json.parse("{\"a\": 1}"), Json.parse("{\"a\": 1, \"b\": 2}"))).isFalse();
        assertThat(Json.same(Json.parse("{\"a\": 1}"), Json.parse("{\"a\": 1, \"b\": null}"))).isTrue();
        assertThat(Json.same(Json.parse("[1, 2]"), Json.parse("[2, 1]"))).isFalse();
        assertThat(Json.same(null, Json.parse("{}"))).isFalse();
    }

    @Test
    void whatIsNotStrictJsonIsRefused() {
        for (String notJson : List.of("{\"a\": 1, \"a\": 2}", "{\"a\": 1} x", "[01]", "[1.]", "\"tab\there\"",
                "{a: 1}", "[1,]", "'x'", "", "\"\\x\"", "[" .repeat(70) + "]".repeat(70), "nul")) {
            assertThatThrownBy(() -> Json.parse(notJson)).as(notJson).isInstanceOf(MalformedJson.class);
        }
        assertThatThrownBy(() -> Json.parse(new byte[]{'"', (byte) 0xc3, '"'})).isInstanceOf(MalformedJson.class)
                .hasMessageContaining("UTF-8");
    }
}
