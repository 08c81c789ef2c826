package org.jianhu.supervision.risk;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.project.InspectionRecorded;
import org.jianhu.contracts.project.RectificationReported;
import org.jianhu.contracts.project.RectificationVerified;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An inspection and, when it failed, its rectification: awaitingRectification → reported →
 * verified, or back to awaitingRectification when the verifier rejects the report.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class InspectionFacts {

    public static final String AWAITING = "awaitingRectification";
    public static final String REPORTED = "rectificationReported";
    public static final String VERIFIED = "rectificationVerified";
    public static final String NOT_REQUIRED = "notRequired";

    private String inspectionId;
    private OrganisationReference inspector;
    private LocalDate date;
    private String scope;
    private String result;
    private String findings;
    private LocalDate rectificationDeadline;
    private String rectificationStatus;
    private LocalDate rectificationReportedOn;
    private LocalDate rectificationVerifiedOn;
    private List<Long> positions = new ArrayList<>();
    private Recording recorded;

    InspectionFacts() {
    }

    InspectionFacts(InspectionRecorded inspection, long position, Recording recorded) {
        this.inspectionId = inspection.inspectionId();
        this.inspector = inspection.inspector();
        this.recorded = recorded;
        this.date = inspection.date();
        this.scope = inspection.scope();
        this.result = inspection.result();
        this.findings = inspection.findings();
        this.rectificationDeadline = inspection.rectificationDeadline();
        this.rectificationStatus = isFailed() ? AWAITING : NOT_REQUIRED;
        this.positions.add(position);
    }

    void rectificationReported(RectificationReported report, long position) {
        rectificationStatus = REPORTED;
        rectificationReportedOn = report.date();
        positions.add(position);
    }

    void rectificationVerified(RectificationVerified verification, long position) {
        if (verification.accepted()) {
            rectificationStatus = VERIFIED;
            rectificationVerifiedOn = verification.date();
        } else {
            rectificationStatus = AWAITING;
        }
        positions.add(position);
    }

    public boolean isFailed() {
        return InspectionRecorded.FAILED.equals(result);
    }

    public boolean isRectificationVerified() {
        return VERIFIED.equals(rectificationStatus);
    }

    public String subject() {
        return "inspection:" + inspectionId;
    }

    public String inspectionId() { return inspectionId; }
    public OrganisationReference inspector() { return inspector; }
    /** When the inspection was recorded; null in views stored before it was kept. */
    public Recording recorded() { return recorded; }
    public LocalDate date() { return date; }
    public String scope() { return scope; }
    public String result() { return result; }
    public String findings() { return findings; }
    public LocalDate rectificationDeadline() { return rectificationDeadline; }
    public String rectificationStatus() { return rectificationStatus; }
    public LocalDate rectificationReportedOn() { return rectificationReportedOn; }
    public LocalDate rectificationVerifiedOn() { return rectificationVerifiedOn; }
    public List<Long> positions() { return List.copyOf(positions); }
}
