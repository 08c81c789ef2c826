package org.jianhu.project.project;

import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.project.CodeList;
import org.jianhu.servicesupport.input.InputPolicy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks of command fields, shared by every concept's decisions; a refusal names the field at fault. What an
 * identifier, a name, a text, an amount and a business date may be is the service-wide {@link InputPolicy}'s
 * to say; these only apply it, and add what the project's record needs (required, positive, ordered, …).
 */
public final class Require {

    private Require() {
    }

    /** An identifier a caller chooses (a project code, a milestone, contract or transaction id …). */
    public static String identifier(String field, String value) {
        return refusedIf(field, InputPolicy.identifier(field, value), value);
    }

    /** The id of a new fact: an identifier, and a conflict (e.g. "milestone %s is already planned") when taken. */
    public static String newId(String field, String id, Predicate<String> taken, String conflict) {
        identifier(field, id);
        if (taken.test(id)) {
            throw RejectedCommand.conflict(conflict.formatted(id));
        }
        return id;
    }

    /** A required one-line name: a title, a party, an organisation, a region, a document number. */
    public static String name(String field, String value) {
        return refusedIf(field, InputPolicy.name(field, value), value);
    }

    public static String optionalName(String field, String value) {
        return value == null ? null : name(field, value);
    }

    /**
     * A party (supplier, payer, payee, inspector): an OC4IDS organisation id (a scheme and an identifier, e.g.
     * {@code CN-USCC-913302001234567890}) and a name; a bare name is both, so the id is held to a name's rules.
     */
    public static OrganisationReference party(String field, OrganisationReference value) {
        present(field, value);
        String name = name(field + ".name", value.name());
        return new OrganisationReference(name(field + ".id", value.id()), name);
    }

    public static OrganisationReference optionalParty(String field, OrganisationReference value) {
        return value == null ? null : party(field, value);
    }

    /** Required free text: a reason, a description, findings, a scope. */
    public static String text(String field, String value) {
        return refusedIf(field, InputPolicy.text(field, value), value);
    }

    public static String optionalText(String field, String value) {
        return refusedIf(field, InputPolicy.optionalText(field, value), value);
    }

    /** One of the list's codes; the refusal names them all. */
    public static String code(CodeList list, String value) {
        if (!list.contains(value)) {
            throw RejectedCommand.invalid(list.field(), list.field() + " must be one of " + list.codes().stream().sorted().toList()
                    + (value == null ? "" : ", not '" + value + "'"));
        }
        return value;
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw RejectedCommand.invalid(field, field + " is required");
        }
        return value;
    }

    /** A required business date: when something happened or is due. */
    public static LocalDate date(String field, LocalDate value) {
        return optionalDate(field, present(field, value));
    }

    /** A required business date of something that has happened: not after {@code today}. */
    public static LocalDate happened(String field, LocalDate value, LocalDate today) {
        date(field, value);
        if (value.isAfter(today)) {
            throw RejectedCommand.invalid(field, field + " is in the future: " + value + " is after today, " + today);
        }
        return value;
    }

    public static LocalDate optionalDate(String field, LocalDate value) {
        return refusedIf(field, InputPolicy.businessDate(field, value), value);
    }

    /** An amount in CNY the policy allows, above zero. */
    public static Money positive(String field, Money value) {
        present(field, value);
        if (!Money.CNY.equals(value.currency())) {
            throw RejectedCommand.invalid(field, field + " must be in CNY, not " + value.currency());
        }
        refusedIf(field, InputPolicy.amount(field, value.amount()), value);
        if (!value.isPositive()) {
            throw RejectedCommand.invalid(field, field + " must be a positive amount, not " + value.amount());
        }
        return value;
    }

    /** A period with both ends, each a business date, not ending before it starts. */
    public static Period ordered(String field, Period value) {
        present(field, value);
        if (value.startDate() == null || value.endDate() == null) {
            throw RejectedCommand.invalid(field, field + " needs both startDate and endDate");
        }
        optionalDate(field + ".startDate", value.startDate());
        optionalDate(field + ".endDate", value.endDate());
        if (!value.isOrdered()) {
            throw RejectedCommand.invalid(field, field + " ends before it starts");
        }
        return value;
    }

    public static BigDecimal percent(String field, BigDecimal value) {
        present(field, value);
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw RejectedCommand.invalid(field, field + " is a percentage between 0 and 100, not " + value);
        }
        return value;
    }

    /** At least one entry, each an identifier. */
    public static <T extends Collection<String>> T identifiers(String field, T values) {
        if (values == null || values.isEmpty() || values.stream().anyMatch(v -> v == null || v.isBlank())) {
            throw RejectedCommand.invalid(field, field + " must name at least one, with no blank entries");
        }
        values.forEach(value -> identifier(field, value));
        return values;
    }

    private static <T> T refusedIf(String field, Optional<String> fault, T value) {
        if (fault.isPresent()) {
            throw RejectedCommand.invalid(field, fault.get());
        }
        return value;
    }
}
