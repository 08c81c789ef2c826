package org.jianhu.servicesupport.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.jianhu.servicesupport.problem.ProblemHandling;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Request bodies are JSON exactly as written, within the input policy's bounds, or refused naming the field. */
class StrictJsonTest {

    record Payment(String payee, BigDecimal amount, LocalDate date, int count, List<String> notes) {
    }

    @RestController
    static class Payments {
        @PostMapping("/api/payments")
        String record(@RequestBody Payment payment) {
            return payment.payee() + "|" + payment.date() + "|" + payment.notes();
        }
    }

    @RestControllerAdvice
    static class Handler extends ProblemHandling {
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Payments()).setControllerAdvice(new Handler())
            .setMessageConverters(new StringHttpMessageConverter(StandardCharsets.UTF_8), new MappingJackson2HttpMessageConverter(
                    StrictJson.strict(new ObjectMapper().registerModule(new JavaTimeModule())
                            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class))))
            .build();

    @Test
    void aWellFormedBodyIsReadAsWritten() throws Exception {
        send("""
                {"payee": "海星建设", "amount": 12.50, "date": "2026-03-01", "count": 2, "notes": ["line 1\\nline 2\\t!"]}""")
                .andExpect(status().isOk())
                .andExpect(content().string("海星建设|2026-03-01|[line 1\nline 2\t!]"));
    }

    @Test
    void contentAfterTheJsonValueIsRefused() throws Exception {
        refused("{\"payee\": \"a\", \"count\": 1} {\"payee\": \"b\"}", "the body has more after its JSON value");
    }

    @Test
    void aKeyGivenTwiceIsRefusedNotTakenLastWins() throws Exception {
        refusedField("{\"payee\": \"a\", \"payee\": \"b\"}", "payee", "payee is given twice");
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsRefused() throws Exception {
        refusedField("{\"payee\": \"a\", \"count\": 1, \"payed\": \"b\"}", "payed", "payed is not a field of this request");
    }

    @Test
    void numbersAndTextAreNotTakenForOneAnother() throws Exception {
        refusedField("{\"payee\": 42}", "payee", "payee must be text, not '42'");
        refusedField("{\"count\": \"2\"}", "count", "count must be a whole number");
        refusedField("{\"amount\": \"12.50\", \"count\": 1}", "amount", "amount must be a number");
        refusedField("{\"count\": 2.5}", "count", "count must be a whole number, not '2.5'");
        refusedField("{\"count\": null}", "count", "count is required");
        refusedField("{\"payee\": \"a\"}", "count", "count is required");
    }

    @Test
    void datesAreIsoStringsWithinThePlausibleWindow() throws Exception {
        refusedField("{\"date\": 20260301}", "date", "date must be a date (YYYY-MM-DD)");
        refusedField("{\"date\": [2026, 3, 1]}", "date", "date must be a date (YYYY-MM-DD)");
        refusedField("{\"date\": \"+10000-01-01\"}", "date", "date must be a date (YYYY-MM-DD), not '+10000-01-01'");
        refusedField("{\"date\": \"0001-01-01\"}", "date", "date must be between 1990-01-01 and 2100-12-31, not 0001-01-01");
        refusedField("{\"date\": \"9999-12-31\"}", "date", "date must be between 1990-01-01 and 2100-12-31, not 9999-12-31");
    }

    @Test
    void controlCharactersAndHalvesOfCharactersAreRefusedAnywhere() throws Exception {
        refusedField("{\"payee\": \"a\\u0000b\"}", "payee",
                "payee must not contain control characters (but line breaks and tabs); found U+0000 at position 2");
        refusedField("{\"notes\": [\"ok\", \"\\ud800\"]}", "notes[1]",
                "notes[1] holds half of a character (a lone surrogate) at position 1");
    }

    @Test
    void noStringIsLongerThanThePolicyAllows() throws Exception {
        refusedField("{\"payee\": \"" + "x".repeat(InputPolicy.ANY_STRING_LENGTH + 1) + "\"}", "payee",
                "payee must be at most 10000 characters, not 10001");
    }

    @Test
    void parserLimitsHoldOnNamesAndNumbers() throws Exception {
        refused("{\"" + "k".repeat(300) + "\": 1}", "the body goes beyond what a request may hold");
        refused("{\"amount\": 1" + "0".repeat(80) + "}", "the body goes beyond what a request may hold");
    }

    private ResultActions send(String json) throws Exception {
        return mvc.perform(post("/api/payments").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private void refused(String json, String detail) throws Exception {
        send(json).andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString(detail)));
    }

    private void refusedField(String json, String field, String detail) throws Exception {
        send(json).andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.detail").value(detail));
    }
}
