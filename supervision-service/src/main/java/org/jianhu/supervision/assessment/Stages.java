package org.jianhu.supervision.assessment;

import org.jianhu.contracts.project.ContractAwarded;
import org.jianhu.contracts.project.ProgressReported;
import org.jianhu.contracts.project.ProjectApproved;
import org.jianhu.contracts.project.ProjectCancelled;
import org.jianhu.contracts.project.ProjectCompleted;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.contracts.project.ProjectRegistered;

/** The project's OC4IDS status as the project service moves it, for filtering the risk register. */
final class Stages {

    static final String IDENTIFICATION = "identification";
    static final String PREPARATION = "preparation";
    static final String IMPLEMENTATION = "implementation";

    private Stages() {
    }

    static String after(String stage, ProjectEvent event) {
        if (event instanceof ProjectRegistered) {
            return IDENTIFICATION;
        }
        if (event instanceof ProjectApproved) {
            return IDENTIFICATION.equals(stage) ? PREPARATION : stage;
        }
        if (event instanceof ProgressReported
                || event instanceof ContractAwarded awarded && "construction".equals(awarded.nature())) {
            return IDENTIFICATION.equals(stage) || PREPARATION.equals(stage) ? IMPLEMENTATION : stage;
        }
        if (event instanceof ProjectCompleted) {
            return "completion";
        }
        if (event instanceof ProjectCancelled) {
            return "cancelled";
        }
        return stage;
    }
}
