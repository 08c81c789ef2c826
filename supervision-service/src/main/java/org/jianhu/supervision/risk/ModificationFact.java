package org.jianhu.supervision.risk;

import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One change order of a contract, as recorded at {@code position}. */
public record ModificationFact(String modificationId, LocalDate date, String type,
                               Money oldValue, Money newValue, Period oldPeriod, Period newPeriod,
                               long position) {

    /** new − old; zero when the change order did not touch the price. */
    public BigDecimal valueChange() {
        if (oldValue == null || newValue == null) {
            return BigDecimal.ZERO;
        }
        return newValue.amount().subtract(oldValue.amount());
    }

    public boolean changesValue() {
        return valueChange().signum() != 0;
    }
}
