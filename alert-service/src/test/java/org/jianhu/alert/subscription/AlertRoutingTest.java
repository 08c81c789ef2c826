package org.jianhu.alert.subscription;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRoutingTest {

    @Test
    void aFilterBindsOneKeyPerColourItAdmitsAndLeavesOpenWhatItDoesNotName() {
        assertThat(AlertRouting.bindingKeys("YELLOW", "Haishu", null, "p.1"))
                .containsExactly("alert.yellow.Haishu.*.p_1", "alert.red.Haishu.*.p_1");
        assertThat(AlertRouting.bindingKeys(null, null, "R01", null)).containsExactly("alert.*.*.R01.*");
    }

    @Test
    void aChangeIsRoutedByLevelRegionRuleAndProjectWithAnUnknownRegionNamedSo() {
        assertThat(AlertRouting.routingKey("RED", null, "R01", "p-1")).isEqualTo("alert.red.unknown.R01.p-1");
        assertThat(AlertRouting.routingKey("YELLOW", "Hai shu", "R01", "p.#1")).isEqualTo("alert.yellow.Hai_shu.R01.p__1");
    }
}
