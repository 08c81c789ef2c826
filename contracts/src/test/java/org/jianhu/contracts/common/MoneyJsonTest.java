package org.jianhu.contracts.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anAmountIsWrittenAsAStringAndReadFromAStringOrANumber() throws Exception {
        assertThat(json.writeValueAsString(Money.cny("1200000.5"))).isEqualTo("{\"amount\":\"1200000.50\",\"currency\":\"CNY\"}");
        assertThat(json.readValue("{\"amount\": \"1200000.50\", \"currency\": \"CNY\"}", Money.class).amount())
                .isEqualByComparingTo(new BigDecimal("1200000.5"));
        assertThat(json.readValue("{\"amount\": 12.5, \"currency\": \"CNY\"}", Money.class).amount())
                .isEqualByComparingTo("12.50");
    }

    @Test
    void anAmountThatIsNoNumberIsRefused() {
        assertThatThrownBy(() -> json.readValue("{\"amount\": \"lots\", \"currency\": \"CNY\"}", Money.class))
                .isInstanceOf(InvalidFormatException.class);
    }
}
