package org.jianhu.project.oc4ids;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An object of the package as the import reads it: it remembers which fields were read, so that every field
 * the record has no place for is reported ({@link #reportUnread}) rather than dropped unsaid.
 */
final class PackageNode {

    static final String NO_PLACE = "Jianhu's record of a project has no place for it";

    private final JsonNode node;
    private final String path;
    private final Set<String> read = new LinkedHashSet<>();
    private final List<PackageNode> children = new ArrayList<>();

    PackageNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    String path() {
        return path;
    }

    String path(String field) {
        return path + "." + field;
    }

    boolean has(String field) {
        return node.hasNonNull(field);
    }

    String text(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    /** A field read on purpose and left: derived by the record (durationInDays) or about the package itself. */
    void pass(String... fields) {
        read.addAll(List.of(fields));
    }

    Optional<PackageNode> object(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            return Optional.empty();
        }
        return Optional.of(child(value, path(field)));
    }

    List<PackageNode> objects(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        List<PackageNode> items = new ArrayList<>();
        if (value != null && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                if (value.get(i).isObject()) {
                    items.add(child(value.get(i), path(field) + "[" + i + "]"));
                }
            }
        }
        return items;
    }

    List<String> texts(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        List<String> items = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(item -> items.add(item.asText()));
        }
        return items;
    }

    /** A business date from an OC4IDS date-time; null when absent (the schema has checked the format). */
    LocalDate date(String field) {
        String text = text(field);
        return text == null ? null : Oc4idsDates.businessDate(text);
    }

    Period period(String field) {
        return object(field).map(period -> {
            period.pass("durationInDays");
            return new Period(period.date("startDate"), period.date("endDate"));
        }).orElse(null);
    }

    /** An OC4IDS Value as Money; null (and a problem reported) when it cannot be one. */
    Money money(String field, ImportReport.Builder report) {
        return object(field).map(value -> {
            String amount = value.text("amount");
            String currency = value.text("currency");
            if (amount == null || currency == null) {
                report.problem(value.path(), value.node, "a value needs both amount and currency");
                return null;
            }
            try {
                return new Money(new BigDecimal(amount), currency);
            } catch (ArithmeticException | NumberFormatException inexact) {
                report.problem(value.path("amount"), amount, "amounts are recorded to the fen, at most two decimals");
                return null;
            }
        }).orElse(null);
    }

    /** Every field of this object and the objects read from it that nothing read. */
    void reportUnread(ImportReport.Builder report) {
        node.fieldNames().forEachRemaining(field -> {
            if (!read.contains(field)) {
                report.notKept(path(field), summary(node.get(field)), NO_PLACE);
            }
        });
        children.forEach(child -> child.reportUnread(report));
    }

    private PackageNode child(JsonNode value, String childPath) {
        PackageNode child = new PackageNode(value, childPath);
        children.add(child);
        return child;
    }

    private static String summary(JsonNode value) {
        if (value.isValueNode()) {
            return value.asText();
        }
        return value.isArray() ? value.size() + " item(s)" : "an object";
    }
}
