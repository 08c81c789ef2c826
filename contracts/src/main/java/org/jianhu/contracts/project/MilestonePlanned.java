package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;
import org.jianhu.contracts.common.Money;

import java.time.LocalDate;

/** An OC4IDS milestone with its type (e.g. delivery, payment) and code (e.g. commencement). */
@Revision("1")
public record MilestonePlanned(String projectId, String milestoneId, String title, String type, String code,
                               LocalDate dueDate, Money value) implements ProjectEvent {

    /** OC4IDS milestoneType. */
    public static final CodeList TYPES = CodeList.of("type",
            "preProcurement", "approval", "engagement", "assessment", "delivery", "reporting",
            "financing", "payment", "procurement", "contractClose");
}
