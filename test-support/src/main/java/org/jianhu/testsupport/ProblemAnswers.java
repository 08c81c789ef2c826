package org.jianhu.testsupport;

import org.jianhu.servicesupport.problem.CommonProblem;
import org.jianhu.servicesupport.problem.ProblemKind;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The shape every error answer of Jianhu has: its kind's status, type and title, as problem+json. */
public final class ProblemAnswers {

    private ProblemAnswers() {
    }

    public static ResultMatcher problem(ProblemKind kind) {
        return ResultMatcher.matchAll(
                status().is(kind.status().value()),
                content().contentType(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value(kind.uri().toString()),
                jsonPath("$.title").value(kind.title()),
                jsonPath("$.status").value(kind.status().value()),
                jsonPath("$.detail").isNotEmpty());
    }

    /** An invalid request that names the field at fault. */
    public static ResultMatcher invalidField(String field) {
        return ResultMatcher.matchAll(
                problem(CommonProblem.INVALID_REQUEST),
                jsonPath("$.errors[0].field").value(field));
    }
}
