package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;
import org.jianhu.contracts.common.OrganisationReference;

import java.time.LocalDate;

/** A quality or safety inspection; a failed one must be rectified by {@code rectificationDeadline}. The inspector is a party since revision 2. */
@Revision("2")
public record InspectionRecorded(String projectId, String inspectionId, OrganisationReference inspector, LocalDate date,
                                 String scope, String result, String findings, LocalDate rectificationDeadline)
        implements ProjectEvent {

    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    /** Ours: the standards have no structured inspection (DOMAIN.md). */
    public static final CodeList RESULTS = CodeList.of("result", PASSED, FAILED);
}
