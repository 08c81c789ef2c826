package org.jianhu.servicesupport.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one input policy of every Jianhu service (service-support/README.md, "Input policy"). Each check answers
 * what is wrong with a value, in plain words naming the field, or nothing; the service refuses with it. What
 * every request gets without asking — strict JSON, no control characters, bounded strings, ISO dates in a
 * plausible window — is enforced while the body is read ({@link StrictJson}); these checks are the field-level
 * rules on top.
 */
public final class InputPolicy {

    /** Identifiers chosen by callers: project codes, milestone, contract, transaction and inspection ids. */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    public static final int IDENTIFIER_LENGTH = 64;
    /** Titles, names of parties and organisations, regions, document numbers: one line. */
    public static final int NAME_LENGTH = 200;
    /** Descriptions, reasons, findings, comments, justifications: may have lines and tabs. */
    public static final int TEXT_LENGTH = 4_000;
    /** No string in any request body may be longer, whatever its field. */
    public static final int ANY_STRING_LENGTH = 10_000;
    /** Amounts in CNY: at most 10^15, in fen at the finest. */
    public static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(15);
    public static final int AMOUNT_SCALE = 2;
    /** Business dates: when something happened or is due, never before 1990 nor after 2100. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1990, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    private InputPolicy() {
    }

    public static Optional<String> identifier(String field, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            return Optional.of(field + " must be 1 to " + IDENTIFIER_LENGTH
                    + " letters, digits or . _ : - (no spaces)");
        }
        return Optional.empty();
    }

    /** One line of at most {@link #NAME_LENGTH} characters, not blank. */
    public static Optional<String> name(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(field + " is required");
        }
        if (value.length() > NAME_LENGTH) {
            return Optional.of(field + " must be at most " + NAME_LENGTH + " characters, not " + value.length());
        }
        return unprintable(field, value, false);
    }

    /** Free text of at most {@link #TEXT_LENGTH} characters, not blank; lines and tabs allowed. */
    public static Optional<String> text(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(field + " is required");
        }
        return optionalText(field, value);
    }

    /** Like {@link #text} where the field may be left out. */
    public static Optional<String> optionalText(String field, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > TEXT_LENGTH) {
            return Optional.of(field + " must be at most " + TEXT_LENGTH + " characters, not " + value.length());
        }
        return unprintable(field, value, true);
    }

    /** An amount of money: at most 10^15 with at most two decimals (the sign is the domain's to judge). */
    public static Optional<String> amount(String field, BigDecimal value) {
        if (value == null) {
            return Optional.of(field + " is required");
        }
        if (value.abs().compareTo(MAX_AMOUNT) > 0) {
            return Optional.of(field + " must be at most 1,000,000,000,000,000");
        }
        if (value.stripTrailingZeros().scale() > AMOUNT_SCALE) {
            return Optional.of(field + " has at most two decimals (fen), not " + value.toPlainString());
        }
        return Optional.empty();
    }

    public static Optional<String> businessDate(String field, LocalDate value) {
        if (value != null && (value.isBefore(EARLIEST_DATE) || value.isAfter(LATEST_DATE))) {
            return Optional.of(field + " must be between " + EARLIEST_DATE + " and " + LATEST_DATE + ", not " + value);
        }
        return Optional.empty();
    }

    /**
     * Control characters (but line feed and tab in free text) and halves of a character (lone surrogates) are
     * refused: PostgreSQL cannot store NUL, and the others only hide text from the people who read it.
     */
    public static Optional<String> unprintable(String field, String value, boolean linesAllowed) {
        return unprintableFault(value, linesAllowed).map(fault -> field + " " + fault);
    }

    /** What is unprintable in the value, said without the field's name. */
    public static Optional<String> unprintableFault(String value, boolean linesAllowed) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("holds half of a character (a lone surrogate) at position " + (i + 1));
            }
            if (Character.isISOControl(c) && !(linesAllowed && (c == '\n' || c == '\t'))) {
                return Optional.of("must not contain control characters" + (linesAllowed ? " (but line breaks and tabs)" : "")
                        + "; found U+" + String.format("%04X", (int) c) + " at position " + (i + 1));
            }
        }
        return Optional.empty();
    }
}
