package org.jianhu.supervision.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.supervision.assessment.FactsFormat;
import org.jianhu.supervision.risk.RiskCatalogue;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.List;

/** Runs the service on the test rule and test facts, so its tests do not depend on the real catalogue. */
@TestConfiguration
public class TestRiskConfiguration {

    @Bean
    @Primary
    RiskCatalogue testCatalogue() {
        return new RiskCatalogue(List.of(new PaidTooMuch()));
    }

    @Bean
    @Primary
    FactsFormat testFactsFormat(ObjectMapper objectMapper) {
        return new FactsFormat(objectMapper, TestFacts.class);
    }
}
