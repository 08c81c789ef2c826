package org.jianhu.servicesupport.input;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class InputPolicyTest {

    @Test
    void identifiersAreShortPlainTokens() {
        assertThat(InputPolicy.identifier("milestoneId", "m-1.a:b_2")).isEmpty();
        assertThat(InputPolicy.identifier("milestoneId", "x".repeat(64))).isEmpty();
        assertThat(InputPolicy.identifier("milestoneId", "x".repeat(65))).contains(
                "milestoneId must be 1 to 64 letters, digits or . _ : - (no spaces)");
        assertThat(InputPolicy.identifier("milestoneId", "m 1")).isPresent();
        assertThat(InputPolicy.identifier("milestoneId", "")).isPresent();
        assertThat(InputPolicy.identifier("milestoneId", "里程碑")).isPresent();
    }

    @Test
    void namesAreOneLineAndTextMayHaveLinesButNoOtherControls() {
        assertThat(InputPolicy.name("title", "杭州湾大桥 — 北段")).isEmpty();
        assertThat(InputPolicy.name("title", "a\nb")).contains(
                "title must not contain control characters; found U+000A at position 2");
        assertThat(InputPolicy.name("title", "x".repeat(201))).contains("title must be at most 200 characters, not 201");
        assertThat(InputPolicy.text("findings", "crack\n\tnorth pier")).isEmpty();
        assertThat(InputPolicy.text("findings", "a\u0000")).isPresent();
        assertThat(InputPolicy.text("findings", "a\r\nb")).isPresent();
        assertThat(InputPolicy.text("findings", " ")).contains("findings is required");
        assertThat(InputPolicy.optionalText("comment", null)).isEmpty();
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsWholeButHalfOfOneIsNot() {
        assertThat(InputPolicy.name("title", "𠮷野家")).isEmpty();
        assertThat(InputPolicy.name("title", "\uD842")).contains(
                "title holds half of a character (a lone surrogate) at position 1");
    }

    @Test
    void amountsAreAtMostAQuadrillionInFen() {
        assertThat(InputPolicy.amount("value", new BigDecimal("1000000000000000.00"))).isEmpty();
        assertThat(InputPolicy.amount("value", new BigDecimal("1000000000000000.01"))).isPresent();
        assertThat(InputPolicy.amount("value", new BigDecimal("1e400"))).contains(
                "value must be at most 1,000,000,000,000,000");
        assertThat(InputPolicy.amount("value", new BigDecimal("12.345"))).contains(
                "value has at most two decimals (fen), not 12.345");
        assertThat(InputPolicy.amount("value", new BigDecimal("12.300"))).isEmpty();
    }

    @Test
    void businessDatesLieBetween1990And2100() {
        assertThat(InputPolicy.businessDate("date", LocalDate.of(1990, 1, 1))).isEmpty();
        assertThat(InputPolicy.businessDate("date", LocalDate.of(2100, 12, 31))).isEmpty();
        assertThat(InputPolicy.businessDate("date", LocalDate.of(1989, 12, 31))).isPresent();
        assertThat(InputPolicy.businessDate("date", LocalDate.of(9999, 1, 1))).isPresent();
    }
}
