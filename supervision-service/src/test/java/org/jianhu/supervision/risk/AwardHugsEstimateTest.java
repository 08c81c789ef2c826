package org.jianhu.supervision.risk;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;
import static org.jianhu.supervision.risk.RuleFixture.levelOf;

class AwardHugsEstimateTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);
    private final AwardHugsEstimate rule = new AwardHugsEstimate();

    @ParameterizedTest(name = "award {0} against estimate 1,000,000 is {1}")
    @CsvSource({
            "989999.99,  GREEN",
            "990000,     GREEN",
            "990000.01,  YELLOW",
            "1000000,    YELLOW",
            "1009999.99, YELLOW",
            "1010000,    GREEN"
    })
    void awardWithinOnePercentOfTheEstimateIsYellow(String award, RiskLevel expected) {
        var history = empty().then(ProjectHistory.award("c-1", "construction", "open", 5, null, cny("1000000"),
                BUILDER, award));

        assertThat(levelOf(rule, history, TODAY, "contract:c-1")).isEqualTo(expected);
    }
}
