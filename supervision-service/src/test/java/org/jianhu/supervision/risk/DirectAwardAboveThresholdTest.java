package org.jianhu.supervision.risk;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;
import static org.jianhu.supervision.risk.RuleFixture.levelOf;

class DirectAwardAboveThresholdTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);
    private final DirectAwardAboveThreshold rule = new DirectAwardAboveThreshold();

    @ParameterizedTest(name = "{1} {0} of {2} is {3}")
    @CsvSource({
            "construction, direct,  3999999.99, GREEN",
            "construction, direct,  4000000,    RED",
            "construction, limited, 4000000.01, RED",
            "goods,        direct,  1999999.99, GREEN",
            "goods,        direct,  2000000,    RED",
            "design,       direct,  999999.99,  GREEN",
            "design,       direct,  1000000,    RED",
            "supervision,  limited, 1000000.01, RED",
            "construction, open,    90000000,   GREEN",
            "consulting,   direct,  90000000,   GREEN"
    })
    void limitedOrDirectAwardAtOrAboveTheMustTenderThresholdIsRed(String nature, String method, String value,
                                                                   RiskLevel expected) {
        var history = empty().then(award("c-1", nature, method, 1, null, null, BUILDER, value));

        assertThat(levelOf(rule, history, TODAY, "contract:c-1")).isEqualTo(expected);
    }
}
