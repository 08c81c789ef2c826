package org.jianhu.project.milestone;

import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.project.MilestonePlanned;
import org.jianhu.contracts.project.MilestoneStatusReported;
import org.jianhu.project.project.StateVisibility;

import java.time.LocalDate;

/** An OC4IDS milestone as it stands: planned as {@code scheduled}, then met, partiallyMet or notMet. */
@StateVisibility
public class MilestoneState {

    private String id;
    private String title;
    private String type;
    private String code;
    private LocalDate dueDate;
    private Money value;
    private String status;
    private LocalDate dateMet;

    private MilestoneState() {
    }

    public static MilestoneState planned(MilestonePlanned event) {
        MilestoneState milestone = new MilestoneState();
        milestone.id = event.milestoneId();
        milestone.title = event.title();
        milestone.type = event.type();
        milestone.code = event.code();
        milestone.dueDate = event.dueDate();
        milestone.value = event.value();
        milestone.status = MilestoneStatusReported.SCHEDULED;
        return milestone;
    }

    public void apply(MilestoneStatusReported event) {
        status = event.status();
        dateMet = event.dateMet();
    }

    public boolean isMet() {
        return MilestoneStatusReported.MET.equals(status);
    }
}
