package org.jianhu.servicesupport.problem;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CommonProblemTest {

    @Test
    void eachStatusHasOneCommonKindAndEachKindOneTitle() {
        assertThat(Arrays.stream(CommonProblem.values()).map(CommonProblem::status)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(CommonProblem.values()).map(CommonProblem::title)).doesNotHaveDuplicates();
    }

    @Test
    void aStatusWithoutAKindOfItsOwnFallsToTheGeneralKindOfItsClass() {
        assertThat(CommonProblem.forStatus(404)).isEqualTo(CommonProblem.NOT_FOUND);
        assertThat(CommonProblem.forStatus(418)).isEqualTo(CommonProblem.INVALID_REQUEST);
        assertThat(CommonProblem.forStatus(502)).isEqualTo(CommonProblem.INTERNAL);
    }

    @Test
    void theKindIsNamedInTheJianhuNamespace() {
        assertThat(CommonProblem.METHOD_NOT_ALLOWED.uri()).hasToString("urn:jianhu:problem:method-not-allowed");
    }

    @Test
    void aServicesOwnKindIsNamedAsItAppears() {
        ProblemKind closed = ProblemKind.of("project-closed", org.springframework.http.HttpStatus.CONFLICT, "Project closed");
        assertThat(closed.uri()).hasToString("urn:jianhu:problem:project-closed");
        assertThat(closed.detail("closed").getTitle()).isEqualTo("Project closed");
    }
}
