package org.jianhu.project.milestone;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.caching.Cache;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.jianhu.project.idempotency.IdempotentRequests;
import org.jianhu.project.project.Forbidden;
import org.jianhu.project.project.RejectedCommand;
import org.jianhu.project.web.CommandDispatcher;
import org.jianhu.project.web.ProblemType;
import org.jianhu.servicesupport.problem.CommonProblem;
import org.jianhu.servicesupport.problem.ProblemKind;
import org.jianhu.testsupport.SignedIdentities;
import org.jianhu.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.jianhu.testsupport.ProblemAnswers.invalidField;
import static org.jianhu.testsupport.ProblemAnswers.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * The project service's error answers, with its own filters, resolvers and advice, on the milestone API: the
 * project's refusals as they come back through Axon, and what every service answers alike.
 */
@WebMvcTest(MilestoneController.class)
@SignedIdentities
class ProjectApiProblemsTest {

    private static final String MILESTONE = """
            {"id": "m-1", "title": "Works commence", "type": "delivery", "dueDate": "2026-05-15"}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandDispatcher commands;
    @MockitoBean
    IdempotentRequests idempotentRequests;
    @MockitoBean
    TransactionTemplate transaction;
    @MockitoBean(name = "projectCache")
    Cache projectCache;

    @Test
    void aClosedProjectRefusesWhatFollowsAsItsOwnKind() throws Exception {
        refusedBy(RejectedCommand.closed("p-1", "completion"));
        plan(MILESTONE).andExpect(problem(ProblemType.PROJECT_CLOSED))
                .andExpect(jsonPath("$.detail").value("project p-1 is completion; nothing more can be recorded on it"));
    }

    @Test
    void aFieldTheProjectRefusesIsNamed() throws Exception {
        refusedBy(RejectedCommand.invalid("type", "type must be one of [approval, delivery]"));
        plan(MILESTONE).andExpect(invalidField("type"));
    }

    @Test
    void aFactAlreadyRecordedConflictsWithTheRecord() throws Exception {
        refusedBy(RejectedCommand.conflict("milestone m-1 is already planned"));
        plan(MILESTONE).andExpect(problem(CommonProblem.CONFLICT));
    }

    @Test
    void anActorTheProjectDoesNotAllowIsForbidden() throws Exception {
        refusedBy(new Forbidden("only an owner of transport-bureau records facts on p-1"));
        plan(MILESTONE).andExpect(problem(CommonProblem.FORBIDDEN));
    }

    @Test
    void aStaleIfMatchSaysTheCurrentVersion() throws Exception {
        refusedBy(new ConflictingAggregateVersionException("p-1", 3, 5));
        plan(MILESTONE).andExpect(problem(ProblemType.STALE_VERSION)).andExpect(jsonPath("$.currentVersion").value(5));
    }

    @Test
    void aMalformedIfMatchIsRefusedBeforeAnythingIsSent() throws Exception {
        mvc.perform(post("/api/projects/p-1/milestones").with(owner()).header("If-Match", "latest")
                        .contentType(MediaType.APPLICATION_JSON).content(MILESTONE))
                .andExpect(invalidField("If-Match"));
        verify(commands, never()).dispatch(any(), any());
    }

    @Test
    void aDueDateThatIsNoDateNamesTheFieldInPlainWords() throws Exception {
        plan("""
                {"id": "m-1", "title": "Works commence", "type": "delivery", "dueDate": "15 May 2026"}""")
                .andExpect(invalidField("dueDate"))
                .andExpect(content().string(not(containsString("java."))));
        verify(commands, never()).dispatch(any(), any());
    }

    @Test
    void aFailureNobodyForesawIsAnInternalErrorThatRecordedNothing() throws Exception {
        refusedBy(new IllegalStateException("snapshot of p-1 unreadable"));
        plan(MILESTONE).andExpect(problem(CommonProblem.INTERNAL))
                .andExpect(jsonPath("$.detail").value("the request could not be completed; nothing was recorded"));
    }

    @Test
    void aDatabaseThatIsAwayIsUnavailableWithRetryAfterNeverA2xx() throws Exception {
        refusedBy(new org.springframework.dao.DataAccessResourceFailureException("connection refused"));
        plan(MILESTONE).andExpect(problem(CommonProblem.UNAVAILABLE))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Retry-After", "5"));
    }

    @Test
    void aCallerTheGatewayDidNotSignIsUnauthenticated() throws Exception {
        mvc.perform(post("/api/projects/p-1/milestones").contentType(MediaType.APPLICATION_JSON).content(MILESTONE))
                .andExpect(problem(CommonProblem.UNAUTHENTICATED));
    }

    @Test
    void theServicesOwnKindsAreNoneOfTheCommonOnes() {
        List<String> common = Arrays.stream(CommonProblem.values()).map(kind -> kind.uri().toString()).toList();
        assertThat(List.of(ProblemType.PROJECT_CLOSED, ProblemType.DUPLICATE_CODE, ProblemType.STALE_VERSION,
                ProblemType.IDEMPOTENCY_KEY_REUSED).stream().map(ProblemKind::uri).map(Object::toString))
                .doesNotContainAnyElementsOf(common);
    }

    private void refusedBy(RuntimeException refusal) {
        when(commands.dispatch(any(), any())).thenThrow(new CommandExecutionException("refused", refusal));
    }

    private ResultActions plan(String body) throws Exception {
        return mvc.perform(post("/api/projects/p-1/milestones").with(owner())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor owner() {
        return TestIdentity.as("owner-zhang", "owner", "transport-bureau", "Haishu");
    }
}
