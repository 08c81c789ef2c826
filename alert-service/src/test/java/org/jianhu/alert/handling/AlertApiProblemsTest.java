package org.jianhu.alert.handling;

import org.jianhu.alert.lifecycle.AlertStatus;
import org.jianhu.alert.lifecycle.IllegalTransition;
import org.jianhu.alert.web.ProblemType;
import org.jianhu.servicesupport.problem.CommonProblem;
import org.jianhu.testsupport.SignedIdentities;
import org.jianhu.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.net.URI;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.jianhu.testsupport.ProblemAnswers.invalidField;
import static org.jianhu.testsupport.ProblemAnswers.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/** The alert service's error answers, with its own filters and advice: every one problem+json of a stable kind. */
@WebMvcTest(AlertController.class)
@SignedIdentities
class AlertApiProblemsTest {

    private static final UUID ALERT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final RequestPostProcessor SUPERVISOR =
            TestIdentity.as("sup-li", "supervisor", "supervision-office", "Haishu");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ReadingAlerts reading;
    @MockitoBean
    HandlingAlerts handling;

    @Test
    void aStepTheAlertsStatusDoesNotAllowIsAnIllegalTransition() throws Exception {
        when(handling.close(eq(ALERT), any(), any())).thenThrow(new IllegalTransition("close", AlertStatus.RAISED));
        mvc.perform(post("/api/alerts/{id}/closure", ALERT).with(SUPERVISOR))
                .andExpect(problem(ProblemType.ILLEGAL_TRANSITION))
                .andExpect(jsonPath("$.detail").value("cannot close an alert that is raised"));
    }

    @Test
    void anUnknownAlertIsNotFound() throws Exception {
        when(reading.one(eq(ALERT), any())).thenThrow(new UnknownAlert(ALERT));
        mvc.perform(get("/api/alerts/{id}", ALERT).with(SUPERVISOR)).andExpect(problem(CommonProblem.NOT_FOUND));
    }

    @Test
    void anIdThatIsNoUuidNamesTheParameter() throws Exception {
        mvc.perform(get("/api/alerts/not-a-uuid").with(SUPERVISOR)).andExpect(invalidField("id"))
                .andExpect(jsonPath("$.detail").value("id must be an identifier (UUID), not 'not-a-uuid'"));
    }

    @Test
    void aMissingRequiredFieldIsNamedWithWhatIsWrong() throws Exception {
        mvc.perform(json(post("/api/alerts/{id}/assignment", ALERT), """
                        {"deadline": "2026-12-31"}"""))
                .andExpect(invalidField("organisation"))
                .andExpect(jsonPath("$.detail").value("organisation must not be blank"));
    }

    @Test
    void aDeadlineThatIsNoDateNamesTheField() throws Exception {
        mvc.perform(json(post("/api/alerts/{id}/assignment", ALERT), """
                        {"organisation": "transport-bureau", "deadline": "31/12/2026"}"""))
                .andExpect(invalidField("deadline"))
                .andExpect(jsonPath("$.detail").value("deadline must be a date (YYYY-MM-DD), not '31/12/2026'"))
                .andExpect(content().string(not(containsString("java."))));
    }

    @Test
    void anOrganisationIsOneLineOfAtMost200CharactersAndAJustificationAtMost4000() throws Exception {
        mvc.perform(json(post("/api/alerts/{id}/assignment", ALERT), """
                        {"organisation": "%s", "deadline": "2026-12-31"}""".formatted("o".repeat(201))))
                .andExpect(invalidField("organisation"))
                .andExpect(jsonPath("$.detail").value("organisation must be at most 200 characters, not 201"));
        mvc.perform(json(post("/api/alerts/{id}/dismissal", ALERT), """
                        {"justification": "%s"}""".formatted("j".repeat(4001))))
                .andExpect(invalidField("justification"));
        mvc.perform(json(post("/api/alerts/{id}/rectification", ALERT), """
                        {"comment": "done", "attachment": "x"}"""))
                .andExpect(invalidField("attachment"));
    }

    @Test
    void aQueryParameterWithANulCharacterIsRefusedNamingIt() throws Exception {
        mvc.perform(get(URI.create("/api/alerts?project=%00")).with(SUPERVISOR)).andExpect(invalidField("project"));
    }

    @Test
    void aBodyOfTheWrongMediaTypeAndAWrongMethodTakeTheCommonKinds() throws Exception {
        mvc.perform(post("/api/alerts/{id}/dismissal", ALERT).with(SUPERVISOR).contentType(MediaType.TEXT_PLAIN)
                .content("because")).andExpect(problem(CommonProblem.UNSUPPORTED_MEDIA_TYPE));
        mvc.perform(delete("/api/alerts/{id}", ALERT).with(SUPERVISOR)).andExpect(problem(CommonProblem.METHOD_NOT_ALLOWED));
    }

    @Test
    void aPageLimitOutOfRangeAndACursorNoListGaveOutAreRefusedNamingTheParameter() throws Exception {
        mvc.perform(get("/api/alerts").param("limit", "1000").with(SUPERVISOR)).andExpect(invalidField("limit"))
                .andExpect(jsonPath("$.detail").value("limit must be a whole number from 1 to 500 (items on one page), "
                        + "not 1000"));
        mvc.perform(get("/api/alerts").param("after", "not-a-cursor").with(SUPERVISOR)).andExpect(invalidField("after"))
                .andExpect(jsonPath("$.detail").value("after is not a cursor this list gave out (changed, cut short or "
                        + "made up): start again from the first page, leaving after out"));
        mvc.perform(get("/api/alerts").param("level", "purple").with(SUPERVISOR))
                .andExpect(problem(CommonProblem.INVALID_REQUEST))
                .andExpect(jsonPath("$.detail").value("level is RED, YELLOW or GREEN, not 'purple'"));
        verifyNoInteractions(reading);
    }

    @Test
    void aCallerTheGatewayDidNotSignIsUnauthenticated() throws Exception {
        mvc.perform(get("/api/alerts")).andExpect(problem(CommonProblem.UNAUTHENTICATED));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.with(SUPERVISOR).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
