package org.jianhu.servicesupport.problem;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What every servlet service answers alike, proved on a controller of its own. */
class ProblemHandlingTest {

    record Item(LocalDate date) {
    }

    record Thing(String name, LocalDate dueDate, BigDecimal amount, List<Item> items) {
    }

    @RestController
    static class Things {

        @PostMapping("/api/things")
        String create(@RequestBody Thing thing) {
            return "created";
        }

        @GetMapping("/api/things")
        String list(@RequestParam(required = false) Instant asOf, @RequestParam(required = false) Integer limit) {
            return "listed";
        }

        @GetMapping("/api/broken")
        String broken() {
            throw new IllegalStateException("connection pool jdbc:postgresql://db/secret exhausted");
        }

        @GetMapping("/api/away")
        String away() {
            throw new org.springframework.dao.DataAccessResourceFailureException("Connection to 127.0.0.1:5432 refused");
        }

        @GetMapping("/api/illegal")
        String illegal() {
            throw new IllegalArgumentException("region must be named");
        }
    }

    @RestControllerAdvice
    static class Handler extends ProblemHandling {
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Things()).setControllerAdvice(new Handler()).build();

    @Test
    void aParameterOfTheWrongKindNamesItAndWhatItTakesInPlainWords() throws Exception {
        problem(mvc.perform(get("/api/things").param("asOf", "yesterday")), 400, "invalid-request", "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("asOf"))
                .andExpect(jsonPath("$.detail").value(
                        "asOf must be an instant (ISO 8601, e.g. 2026-01-31T08:00:00Z), not 'yesterday'"));
        problem(mvc.perform(get("/api/things").param("limit", "ten")), 400, "invalid-request", "Invalid request")
                .andExpect(jsonPath("$.detail").value("limit must be a whole number, not 'ten'"));
    }

    @Test
    void aBodyFieldThatCannotBeReadIsNamedByItsPath() throws Exception {
        problem(postThing("""
                {"name": "x", "items": [{"date": "2026-13-01"}]}"""), 400, "invalid-request", "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("items[0].date"))
                .andExpect(jsonPath("$.detail").value("items[0].date must be a date (YYYY-MM-DD), not '2026-13-01'"));
        problem(postThing("""
                {"name": {"first": "x"}}"""), 400, "invalid-request", "Invalid request")
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.detail").value("name must be text"));
    }

    @Test
    void refusalsNameNoJavaType() throws Exception {
        postThing("""
                {"dueDate": {"y": 1}, "amount": "lots"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("java."))))
                .andExpect(content().string(not(containsString("JsonToken"))));
    }

    @Test
    void aBodyThatIsNotJsonSaysWhere() throws Exception {
        problem(postThing("{\"name\": "), 400, "invalid-request", "Invalid request")
                .andExpect(jsonPath("$.detail").value(containsString("the body is not valid JSON (line 1")));
    }

    @Test
    void aMissingBodyIsAskedFor() throws Exception {
        problem(mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON)), 400, "invalid-request",
                "Invalid request")
                .andExpect(jsonPath("$.detail").value("the request needs a JSON body"));
    }

    @Test
    void anIllegalArgumentIsAnInvalidRequestInItsOwnWords() throws Exception {
        problem(mvc.perform(get("/api/illegal")), 400, "invalid-request", "Invalid request")
                .andExpect(jsonPath("$.detail").value("region must be named"));
    }

    @Test
    void anUnforeseenFailureIsA500ThatTellsNothingOfTheInside() throws Exception {
        problem(mvc.perform(get("/api/broken")), 500, "internal", "Internal error")
                .andExpect(jsonPath("$.detail").value("the request could not be completed"))
                .andExpect(content().string(not(containsString("jdbc"))));
    }

    @Test
    void aDependencyThatIsAwayIsUnavailableWithRetryAfter() throws Exception {
        problem(mvc.perform(get("/api/away")), 503, "unavailable", "Temporarily unavailable")
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().string(not(containsString("5432"))));
    }

    @Test
    void springsOwnRefusalsTakeTheCommonKinds() throws Exception {
        problem(mvc.perform(get("/api/nowhere")), 404, "not-found", "Not found");
        problem(mvc.perform(put("/api/things")), 405, "method-not-allowed", "Method not allowed");
        problem(mvc.perform(post("/api/things").contentType(MediaType.TEXT_PLAIN).content("x")), 415,
                "unsupported-media-type", "Unsupported media type");
    }

    @Test
    void aCallerThatAcceptsOnlyAnEventStreamStillHearsProblemJson() throws Exception {
        problem(mvc.perform(get("/api/things").param("asOf", "x").accept(MediaType.TEXT_EVENT_STREAM)), 400,
                "invalid-request", "Invalid request");
        problem(mvc.perform(get("/api/broken").accept(MediaType.TEXT_EVENT_STREAM)), 500, "internal", "Internal error");
    }

    private ResultActions postThing(String json) throws Exception {
        return mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static ResultActions problem(ResultActions result, int status, String kind, String title) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:jianhu:problem:" + kind))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.status").value(status));
    }
}
