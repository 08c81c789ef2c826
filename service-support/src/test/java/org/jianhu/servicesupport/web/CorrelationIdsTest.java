package org.jianhu.servicesupport.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdsTest {

    @Test
    void aCallersPlainIdIsKept() {
        assertThat(CorrelationIds.of("req-42")).isEqualTo("req-42");
        assertThat(CorrelationIds.of("a".repeat(100))).hasSize(100);
    }

    @Test
    void anIdThatCannotBeLoggedAsItIsIsReplaced() {
        for (String unfit : new String[]{null, "", " ", "a".repeat(101), "req\r\nforged log line", "id with spaces"}) {
            assertThat(CorrelationIds.of(unfit)).as(String.valueOf(unfit)).matches("[0-9a-f-]{36}");
        }
    }
}
