package org.jianhu.servicesupport.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * How request bodies are read: JSON exactly as written, or refused. No trailing content, no key twice, no field
 * the request does not have, no number taken for text or text for a number (Money's amount, which travels as a
 * string on purpose, reads itself), no null for a number that must be
 * there; every string at most {@link InputPolicy#ANY_STRING_LENGTH} characters with no control characters (but
 * line breaks and tabs) and no halves of characters; every date an ISO {@code YYYY-MM-DD} string between 1990
 * and 2100; parser limits on names, nesting and numbers. Only for requests: messages between services and
 * stored events are read as they were written.
 */
public final class StrictJson {

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxStringLength(4 * InputPolicy.ANY_STRING_LENGTH)
            .maxNameLength(256)
            .maxNestingDepth(32)
            .maxNumberLength(64)
            .build();
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private StrictJson() {
    }

    /** A copy of the service's mapper (its modules and formats) that reads strictly. */
    @SuppressWarnings("deprecation") // MapperFeature toggles on a copy are what Jackson 2 offers
    public static ObjectMapper strict(ObjectMapper base) {
        ObjectMapper strict = base.copy();
        strict.getFactory().setStreamReadConstraints(LIMITS);
        strict.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            strict.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        strict.registerModule(new SimpleModule("jianhu-input-policy")
                .addDeserializer(String.class, new PolicyStrings())
                .addDeserializer(LocalDate.class, new PolicyDates()));
        return strict;
    }

    /** Text as the policy allows it, after Jackson's own reading (which refuses numbers and booleans). */
    static final class PolicyStrings extends StdScalarDeserializer<String> {

        PolicyStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value == null) {
                return null;
            }
            if (value.length() > InputPolicy.ANY_STRING_LENGTH) {
                throw new PolicyViolation(parser, "must be at most " + InputPolicy.ANY_STRING_LENGTH
                        + " characters, not " + value.length());
            }
            var fault = InputPolicy.unprintableFault(value, true);
            if (fault.isPresent()) {
                throw new PolicyViolation(parser, fault.get());
            }
            return value;
        }
    }

    /** A business date: only an ISO string, within the plausible window. */
    static final class PolicyDates extends StdScalarDeserializer<LocalDate> {

        PolicyDates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new PolicyViolation(parser, "must be a date (YYYY-MM-DD)");
            }
            String text = parser.getText();
            LocalDate date;
            try {
                if (!ISO_DATE.matcher(text).matches()) {
                    throw new DateTimeParseException("not ISO", text, 0);
                }
                date = LocalDate.parse(text);
            } catch (DateTimeParseException notADate) {
                throw new PolicyViolation(parser, "must be a date (YYYY-MM-DD), not '"
                        + InputPolicy.unprintableFault(text, false).map(fault -> "…").orElse(text) + "'");
            }
            if (date.isBefore(InputPolicy.EARLIEST_DATE) || date.isAfter(InputPolicy.LATEST_DATE)) {
                throw new PolicyViolation(parser, "must be between " + InputPolicy.EARLIEST_DATE + " and "
                        + InputPolicy.LATEST_DATE + ", not " + date);
            }
            return date;
        }
    }
}
