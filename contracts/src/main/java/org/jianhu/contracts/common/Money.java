package org.jianhu.contracts.common;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of money, OCDS style: {@code {"amount": "1200000.00", "currency": "CNY"}}.
 * Exact decimals only, written as strings so that no JSON reader turns them into floating point;
 * amounts are kept to the fen (two decimal places), and a third decimal is refused, not rounded.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) @JsonDeserialize(using = ExactAmount.class)
                    BigDecimal amount, String currency) {

    public static final String CNY = "CNY";

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static Money cny(String amount) {
        return new Money(new BigDecimal(amount), CNY);
    }

    @JsonIgnore
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    /**
     * Reads an amount written as a string (as Money writes it) or as a JSON number, whatever else the reader
     * refuses to take text for: the one place where text is read as a number on purpose.
     */
    static final class ExactAmount extends StdScalarDeserializer<BigDecimal> {

        ExactAmount() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_NUMBER_INT) || parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return parser.getDecimalValue();
            }
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText().trim();
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException notANumber) {
                    return (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, text, "not a decimal number");
                }
            }
            return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
        }
    }
}
