package org.jianhu.supervision.risk;

/** The OC4IDS project status codes this engine moves a project through. */
public final class ProjectStatus {

    public static final String IDENTIFICATION = "identification";
    public static final String PREPARATION = "preparation";
    public static final String IMPLEMENTATION = "implementation";
    public static final String COMPLETION = "completion";
    public static final String CANCELLED = "cancelled";

    private ProjectStatus() {
    }
}
