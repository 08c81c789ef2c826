package org.jianhu.project.inspection;

import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.project.InspectionRecorded;
import org.jianhu.contracts.project.RectificationReported;
import org.jianhu.contracts.project.RectificationVerified;
import org.jianhu.project.project.StateVisibility;

import java.time.LocalDate;

/**
 * An inspection and where its rectification stands: a failed one waits for rectification, which
 * is reported by the owner and then verified (accepted, or rejected back to waiting).
 */
@StateVisibility
public class InspectionState {

    public enum Rectification { notRequired, awaitingRectification, awaitingVerification, verified }

    private String id;
    private OrganisationReference inspector;
    private LocalDate date;
    private String scope;
    private String result;
    private String findings;
    private LocalDate rectificationDeadline;
    private Rectification rectification;
    private LocalDate rectificationReportedDate;
    private LocalDate rectificationVerifiedDate;

    private InspectionState() {
    }

    public static InspectionState recorded(InspectionRecorded event) {
        InspectionState inspection = new InspectionState();
        inspection.id = event.inspectionId();
        inspection.inspector = event.inspector();
        inspection.date = event.date();
        inspection.scope = event.scope();
        inspection.result = event.result();
        inspection.findings = event.findings();
        inspection.rectificationDeadline = event.rectificationDeadline();
        inspection.rectification = InspectionRecorded.FAILED.equals(event.result())
                ? Rectification.awaitingRectification : Rectification.notRequired;
        return inspection;
    }

    public void apply(RectificationReported event) {
        rectification = Rectification.awaitingVerification;
        rectificationReportedDate = event.date();
    }

    public void apply(RectificationVerified event) {
        if (event.accepted()) {
            rectification = Rectification.verified;
            rectificationVerifiedDate = event.date();
        } else {
            rectification = Rectification.awaitingRectification;
        }
    }

    public Rectification rectification() {
        return rectification;
    }
}
