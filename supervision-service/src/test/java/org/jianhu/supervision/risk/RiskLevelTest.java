package org.jianhu.supervision.risk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskLevelTest {

    @Test
    void aLevelIsNamedInAnyCase() {
        assertThat(RiskLevel.named("red")).isEqualTo(RiskLevel.RED);
        assertThat(RiskLevel.named("Yellow")).isEqualTo(RiskLevel.YELLOW);
        assertThat(RiskLevel.named("GREEN")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void anUnknownLevelSaysWhichThereAre() {
        assertThatThrownBy(() -> RiskLevel.named("purple")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level is green, yellow or red, not 'purple'");
    }

    @Test
    void theWorseOfTwoIsTheRedder() {
        assertThat(RiskLevel.YELLOW.worse(RiskLevel.RED)).isEqualTo(RiskLevel.RED);
        assertThat(RiskLevel.YELLOW.worse(RiskLevel.GREEN)).isEqualTo(RiskLevel.YELLOW);
    }
}
