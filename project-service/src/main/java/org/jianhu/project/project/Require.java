package org.jianhu.project.project;

import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.project.CodeList;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.function.Predicate;

/** Checks of command fields, shared by every concept's decisions; a refusal names the field at fault. */
public final class Require {

    private Require() {
    }

    public static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw RejectedCommand.invalid(field, field + " is required");
        }
        return value;
    }

    /** The id of a new fact: required, and a conflict (e.g. "milestone %s is already planned") when taken. */
    public static String newId(String field, String id, Predicate<String> taken, String conflict) {
        text(field, id);
        if (taken.test(id)) {
            throw RejectedCommand.conflict(conflict.formatted(id));
        }
        return id;
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

    public static Money positive(String field, Money value) {
        present(field, value);
        if (!Money.CNY.equals(value.currency())) {
            throw RejectedCommand.invalid(field, field + " must be in CNY, not " + value.currency());
        }
        if (!value.isPositive()) {
            throw RejectedCommand.invalid(field, field + " must be a positive amount, not " + value.amount());
        }
        return value;
    }

    public static Period ordered(String field, Period value) {
        present(field, value);
        if (value.startDate() == null || value.endDate() == null) {
            throw RejectedCommand.invalid(field, field + " needs both startDate and endDate");
        }
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

    public static <T extends Collection<String>> T notEmpty(String field, T values) {
        if (values == null || values.isEmpty() || values.stream().anyMatch(v -> v == null || v.isBlank())) {
            throw RejectedCommand.invalid(field, field + " must name at least one, with no blank entries");
        }
        return values;
    }
}
