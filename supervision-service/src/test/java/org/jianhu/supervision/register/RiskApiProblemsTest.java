package org.jianhu.supervision.register;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.servicesupport.parking.ParkedProjects;
import org.jianhu.servicesupport.problem.CommonProblem;
import org.jianhu.supervision.assessment.FactsFormat;
import org.jianhu.supervision.assessment.RiskAsOf;
import org.jianhu.supervision.signal.RiskSignals;
import org.jianhu.supervision.web.NotAllowed;
import org.jianhu.testsupport.SignedIdentities;
import org.jianhu.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.Optional;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.jianhu.testsupport.ProblemAnswers.invalidField;
import static org.jianhu.testsupport.ProblemAnswers.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/** Supervision's error answers, with the service's own filters and advice: every one problem+json of a stable kind. */
@WebMvcTest({RegisterController.class, ProjectRiskController.class})
@SignedIdentities
@Import(SimpleMeterRegistry.class) // for the parked projects' gauge that @EnableParking brings

class RiskApiProblemsTest {

    private static final RequestPostProcessor AUDITOR = TestIdentity.as("aud-sun", "auditor", "audit-bureau", "Ningbo");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RiskViews views;
    @MockitoBean
    RiskSignals signals;
    @MockitoBean
    RiskAsOf riskAsOf;
    @MockitoBean
    FactsFormat factsFormat;
    /** @EnableParking on the application brings its beans into every slice, which has no database. */
    @MockitoBean
    ParkedProjects parkedProjects;

    @Test
    void aCallerTheGatewayDidNotSignIsUnauthenticated() throws Exception {
        mvc.perform(get("/api/risk/projects")).andExpect(problem(CommonProblem.UNAUTHENTICATED));
    }

    @Test
    void anUnknownProjectIsNotFound() throws Exception {
        when(views.project("p-x")).thenReturn(Optional.empty());
        mvc.perform(get("/api/risk/projects/p-x").with(AUDITOR)).andExpect(problem(CommonProblem.NOT_FOUND))
                .andExpect(jsonPath("$.detail").value(containsString("p-x")));
    }

    @Test
    void aLevelThatIsNoLevelIsAnInvalidRequest() throws Exception {
        mvc.perform(get("/api/risk/projects").param("level", "purple").with(AUDITOR))
                .andExpect(problem(CommonProblem.INVALID_REQUEST));
    }

    @Test
    void aPageLimitOutOfRangeAndACursorNoListGaveOutAreRefusedNamingTheParameter() throws Exception {
        mvc.perform(get("/api/risk/projects").param("limit", "-1").with(AUDITOR)).andExpect(invalidField("limit"))
                .andExpect(jsonPath("$.detail").value("limit must be a whole number from 1 to 500 (items on one page), "
                        + "not -1"));
        mvc.perform(get("/api/risk/projects").param("after", "x.y").with(AUDITOR)).andExpect(invalidField("after"))
                .andExpect(jsonPath("$.detail").value(containsString("after is not a cursor this list gave out")));
        verifyNoInteractions(views);
    }

    @Test
    void anAsOfThatIsNoInstantNamesTheParameter() throws Exception {
        mvc.perform(get("/api/risk/projects/p-1").param("asOf", "last tuesday").with(AUDITOR))
                .andExpect(problem(CommonProblem.INVALID_REQUEST))
                .andExpect(jsonPath("$.detail").value(containsString("asOf")));
    }

    @Test
    void aRefusalOfTheCallerIsForbidden() throws Exception {
        when(views.projects(any(), any(), any()))
                .thenThrow(NotAllowed.outsideScope(new CallerIdentity("sup-x", "supervisor", "supervision-office", "Haishu"), "p-1"));
        mvc.perform(get("/api/risk/projects").with(AUDITOR)).andExpect(problem(CommonProblem.FORBIDDEN))
                .andExpect(jsonPath("$.detail").value("project p-1 is outside what sup-x (supervisor) may read"));
    }

    @Test
    void anUnknownPathAndAWrongMethodTakeTheCommonKinds() throws Exception {
        mvc.perform(get("/api/risk/nothing-here").with(AUDITOR)).andExpect(problem(CommonProblem.NOT_FOUND));
        mvc.perform(post("/api/risk/portfolio").with(AUDITOR)).andExpect(problem(CommonProblem.METHOD_NOT_ALLOWED));
    }

    @Test
    void anUnforeseenFailureIsAnInternalErrorThatTellsNothingOfTheInside() throws Exception {
        when(views.portfolio(any(), any())).thenThrow(new IllegalStateException("relation risk_project does not exist"));
        mvc.perform(get("/api/risk/portfolio").with(AUDITOR).accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(problem(CommonProblem.INTERNAL))
                .andExpect(content().string(not(containsString("risk_project"))));
    }

    @Test
    void aParameterWithAControlCharacterIsRefusedNamingItBeforeAnyQueryRuns() throws Exception {
        for (String path : new String[]{"/api/risk/projects", "/api/risk/portfolio"}) {
            mvc.perform(get(path).param("region", "\u0000").with(AUDITOR))
                    .andExpect(invalidField("region"))
                    .andExpect(jsonPath("$.detail").value(containsString("U+0000")));
        }
        verifyNoInteractions(views);
    }

    @Test
    void aBlankRegionIsRefusedInPlainWords() throws Exception {
        mvc.perform(get("/api/risk/portfolio").param("region", " ").with(AUDITOR))
                .andExpect(problem(CommonProblem.INVALID_REQUEST))
                .andExpect(jsonPath("$.detail").value("region names a region, or is left out for all"));
    }
}
