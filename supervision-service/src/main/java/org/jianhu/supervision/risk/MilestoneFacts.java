package org.jianhu.supervision.risk;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.project.MilestonePlanned;
import org.jianhu.contracts.project.MilestoneStatusReported;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An OC4IDS milestone: planned, then reported on (scheduled → met / partiallyMet / notMet). */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class MilestoneFacts {


    private String milestoneId;
    private String title;
    private String type;
    private String code;
    private LocalDate dueDate;
    private Money value;
    private String status = MilestoneStatusReported.SCHEDULED;
    private LocalDate dateMet;
    private List<Long> positions = new ArrayList<>();

    MilestoneFacts() {
    }

    MilestoneFacts(MilestonePlanned plan, long position) {
        this.milestoneId = plan.milestoneId();
        this.title = plan.title();
        this.type = plan.type();
        this.code = plan.code();
        this.dueDate = plan.dueDate();
        this.value = plan.value();
        this.positions.add(position);
    }

    void report(MilestoneStatusReported report, long position) {
        status = report.status();
        dateMet = MilestoneStatusReported.MET.equals(report.status()) ? report.dateMet() : null;
        positions.add(position);
    }

    public boolean isMet() {
        return MilestoneStatusReported.MET.equals(status);
    }

    public String subject() {
        return "milestone:" + milestoneId;
    }

    public String milestoneId() { return milestoneId; }
    public String title() { return title; }
    public String type() { return type; }
    public String code() { return code; }
    public LocalDate dueDate() { return dueDate; }
    public Money value() { return value; }
    public String status() { return status; }
    public LocalDate dateMet() { return dateMet; }
    public List<Long> positions() { return List.copyOf(positions); }
}
