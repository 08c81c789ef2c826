package org.jianhu.supervision.risk;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;
import static org.jianhu.supervision.risk.RuleFixture.levelOf;

class SingleBidTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);
    private final SingleBid rule = new SingleBid();

    private static ProjectHistory tender(String method, int tenderers) {
        return empty().then(award("c-1", "construction", method, tenderers,
                period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1)), null, BUILDER, "1000000"));
    }

    @Test
    void openTenderWithOneTendererIsYellow() {
        assertThat(levelOf(rule, tender("open", 1), TODAY, "contract:c-1")).isEqualTo(RiskLevel.YELLOW);
    }

    @Test
    void selectiveTenderWithNoCountedTendererIsYellow() {
        assertThat(levelOf(rule, tender("selective", 0), TODAY, "contract:c-1")).isEqualTo(RiskLevel.YELLOW);
    }

    @Test
    void openTenderWithTwoTenderersIsGreen() {
        assertThat(levelOf(rule, tender("open", 2), TODAY, "contract:c-1")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void directAwardIsNotASingleBid() {
        assertThat(levelOf(rule, tender("direct", 1), TODAY, "contract:c-1")).isEqualTo(RiskLevel.GREEN);
    }
}
