package org.jianhu.servicesupport.problem;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the container sends to /error is a problem of the kind of its status. */
class ProblemErrorControllerTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ProblemErrorController()).build();

    @Test
    void aFailureOutsideTheControllersIsAnInternalErrorThatTellsNothing() throws Exception {
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("pool exhausted")))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:jianhu:problem:internal"))
                .andExpect(jsonPath("$.detail").value("the request could not be completed"));
    }

    @Test
    void aStatusSentWithoutABodyTakesItsCommonKind() throws Exception {
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 413)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/projects"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("urn:jianhu:problem:payload-too-large"))
                .andExpect(jsonPath("$.instance").value("/api/projects"));
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/nothing"))
                .andExpect(jsonPath("$.detail").value("there is nothing at /nothing"));
    }
}
