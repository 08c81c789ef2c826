package org.jianhu.supervision.rule;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jianhu.servicesupport.parking.ParkedProjects;
import org.jianhu.supervision.assessment.Reassessing;
import org.jianhu.supervision.risk.RiskCatalogue;
import org.jianhu.supervision.risk.Thresholds;
import org.jianhu.testsupport.SignedIdentities;
import org.jianhu.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.jianhu.testsupport.ProblemAnswers.invalidField;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The standard catalogue as the rules API lists it: R01–R18, R15 last, each with its thresholds in force. */
@WebMvcTest(RulesController.class)
@SignedIdentities
@Import({SimpleMeterRegistry.class, RulesApiTest.StandardCatalogue.class})
class RulesApiTest {

    @TestConfiguration
    static class StandardCatalogue {

        @Bean
        RiskCatalogue riskCatalogue() {
            return RiskCatalogue.standard();
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RuleThresholds thresholds;
    @MockitoBean
    Reassessing reassessing;
    @MockitoBean
    ParkedProjects parkedProjects;

    @Test
    void lateRecordingIsListedWithItsThresholds() throws Exception {
        when(thresholds.current()).thenReturn(Thresholds.defaults());
        when(thresholds.versions()).thenReturn(Map.of());

        mvc.perform(get("/api/risk/rules").with(TestIdentity.as("owner-wang", "owner", "transport-bureau", null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(contains("R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08",
                        "R09", "R10", "R11", "R12", "R13", "R14", "R16", "R17", "R18", "R15")))
                .andExpect(jsonPath("$[16].nameZh").value("迟报"))
                .andExpect(jsonPath("$[16].nameEn").value("Late recording"))
                .andExpect(jsonPath("$[16].thresholds.yellowDays").value(15))
                .andExpect(jsonPath("$[16].thresholds.redDays").value(60));
    }

    @Test
    void aLateRecordingYellowNotBelowItsRedIsRefusedNamingItAndNothingIsReassessed() throws Exception {
        when(thresholds.change(eq("R18"), anyMap(), any())).thenAnswer(call ->
                Thresholds.defaults().changed("R18", call.<Map<String, BigDecimal>>getArgument(1)));

        mvc.perform(put("/api/risk/rules/R18").with(TestIdentity.as("admin-chen", "admin", null, null))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"yellowDays\": 90}"))
                .andExpect(invalidField("yellowDays"))
                .andExpect(jsonPath("$.detail").value("yellowDays (90) must be below redDays (60): yellow warns before red"));
        verifyNoInteractions(reassessing);
    }
}
