package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A quality or safety inspection; a failed one must be rectified by {@code rectificationDeadline}. */
@Revision("1")
public record InspectionRecorded(String projectId, String inspectionId, String inspector, LocalDate date,
                                 String scope, String result, String findings, LocalDate rectificationDeadline)
        implements ProjectEvent {

    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    /** Ours: the standards have no structured inspection (DOMAIN.md). */
    public static final CodeList RESULTS = CodeList.of("result", PASSED, FAILED);
}
