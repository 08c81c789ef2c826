package org.jianhu.servicesupport.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.servicesupport.problem.ProblemHandling;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A handler's page request, read from limit and after, and refused as every invalid request is. */
class PageRequestsTest {

    @RestController
    static class Numbers {

        private static final List<Integer> ALL = IntStream.rangeClosed(1, 7).boxed().toList();

        @GetMapping("/api/numbers")
        Page<Integer> numbers(PageRequest page) {
            int from = page.after().map(position -> Integer.parseInt(position.expecting(1).text(0))).orElse(0);
            return Page.of(ALL.stream().filter(n -> n > from).limit(page.fetch()).toList(), page, n -> List.of(n));
        }

        @GetMapping("/api/letters")
        Page<String> letters(PageRequest page) {
            return Page.of(List.of("a", "b"), page, letter -> List.of(letter));
        }
    }

    @RestControllerAdvice
    static class Handler extends ProblemHandling {
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Numbers()).setControllerAdvice(new Handler())
            .setCustomArgumentResolvers(new PageRequests()).build();

    @Test
    void pagesWalkTheListOnceAndTheLastHasANullNext() throws Exception {
        JsonNode first = page(get("/api/numbers").param("limit", "3"));
        JsonNode second = page(get("/api/numbers").param("limit", "3").param("after", first.get("next").asText()));
        JsonNode last = page(get("/api/numbers").param("limit", "3").param("after", second.get("next").asText()));

        assertThat(List.of(first, second, last)).extracting(page -> page.get("items").toString())
                .containsExactly("[1,2,3]", "[4,5,6]", "[7]");
        assertThat(last.toString()).isEqualTo("{\"items\":[7],\"next\":null}");
    }

    @Test
    void aLimitOutOfRangeIsAnInvalidRequestNamingIt() throws Exception {
        mvc.perform(get("/api/numbers").param("limit", "501")).andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:jianhu:problem:invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.detail").value("limit must be a whole number from 1 to 500 (items on one "
                        + "page), not 501"));
    }

    @Test
    void aForeignOrMadeUpCursorIsAnInvalidRequestNamingAfter() throws Exception {
        String letters = page(get("/api/letters").param("limit", "1")).get("next").asText();
        mvc.perform(get("/api/numbers").param("after", letters)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("after"))
                .andExpect(jsonPath("$.detail").value("after is a cursor of /api/letters, not of /api/numbers: start "
                        + "again from the first page, leaving after out"));
        mvc.perform(get("/api/numbers").param("after", "MTIz.bm9wZQ")).andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("after"));
    }

    private JsonNode page(MockHttpServletRequestBuilder request) throws Exception {
        return new ObjectMapper().readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }
}
