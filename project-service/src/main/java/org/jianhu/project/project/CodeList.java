package org.jianhu.project.project;

import java.util.Set;

/** A closed list of codes (OC4IDS / OCDS) that one field accepts. */
public record CodeList(String field, Set<String> codes) {

    public static final CodeList PROJECT_TYPE = new CodeList("type",
            Set.of("construction", "rehabilitation", "replacement", "expansion", "decommissioning"));
    public static final CodeList MILESTONE_TYPE = new CodeList("type",
            Set.of("preProcurement", "approval", "engagement", "assessment", "delivery", "reporting",
                    "financing", "payment", "procurement", "contractClose"));
    public static final CodeList MILESTONE_STATUS = new CodeList("status", Set.of("met", "notMet", "partiallyMet"));
    public static final CodeList CONTRACT_NATURE = new CodeList("nature", Set.of("design", "construction", "supervision"));
    public static final CodeList PROCUREMENT_METHOD = new CodeList("procurementMethod",
            Set.of("open", "selective", "limited", "direct"));
    public static final CodeList MODIFICATION_TYPE = new CodeList("type", Set.of("duration", "value", "scope"));
    public static final CodeList TRANSACTION_KIND = new CodeList("kind", Set.of("appropriation", "payment"));
    public static final CodeList INSPECTION_RESULT = new CodeList("result", Set.of("passed", "failed"));

    public String require(String value) {
        if (value == null || !codes.contains(value)) {
            throw RejectedCommand.invalid(field, field + " must be one of " + codes.stream().sorted().toList()
                    + (value == null ? "" : ", not '" + value + "'"));
        }
        return value;
    }
}
