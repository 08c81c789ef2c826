package org.jianhu.project.oc4ids;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;

/**
 * One fact of a package as the command that records it, with where it came from: its path in the package, the
 * paths of the command's fields (so that a refusal names the package's field), and its business date and rank,
 * which order the import.
 */
record Step(String path, Object command, LocalDate date, Rank rank, Map<String, String> fieldPaths) {

    /** Facts of one business date, in the order a project lives them; completion closes it, so comes last. */
    enum Rank { PLANNING, APPROVAL, AWARD, MODIFICATION, MILESTONE_STATUS, TRANSACTION, PROGRESS, COMPLETION }

    static final Comparator<Step> BUSINESS_ORDER = Comparator
            .comparing((Step step) -> step.rank() == Rank.COMPLETION)
            .thenComparing(step -> step.rank() != Rank.PLANNING)
            .thenComparing(Step::date, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Step::rank);

    /** The package's path of a command's field ({@code tenderPeriod.startDate} → its own, or its period's). */
    String pathOf(String field) {
        if (field == null) {
            return path;
        }
        if (fieldPaths.containsKey(field)) {
            return fieldPaths.get(field);
        }
        int dot = field.indexOf('.');
        if (dot > 0 && fieldPaths.containsKey(field.substring(0, dot))) {
            return fieldPaths.get(field.substring(0, dot)) + field.substring(dot);
        }
        return path;
    }
}
