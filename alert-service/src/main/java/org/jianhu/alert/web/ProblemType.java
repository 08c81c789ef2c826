package org.jianhu.alert.web;

import org.jianhu.servicesupport.problem.ProblemKind;
import org.springframework.http.HttpStatus;

/**
 * The kinds of error that are the alert service's own; the common ones are
 * {@link org.jianhu.servicesupport.problem.CommonProblem}.
 */
public final class ProblemType {

    public static final ProblemKind ILLEGAL_TRANSITION = ProblemKind.of("illegal-transition", HttpStatus.CONFLICT,
            "Not possible in the alert's current status");

    private ProblemType() {
    }
}
