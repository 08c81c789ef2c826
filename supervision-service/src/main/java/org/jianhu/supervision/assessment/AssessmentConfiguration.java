package org.jianhu.supervision.assessment;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.contracts.common.BusinessCalendar;
import org.jianhu.supervision.risk.ProjectFacts;
import org.jianhu.supervision.risk.RiskCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

@Configuration
@EnableScheduling
class AssessmentConfiguration {

    /** Business dates (what "today" is for time-based rules) are Shanghai dates. */
    @Bean
    Clock clock() {
        return Clock.system(BusinessCalendar.ZONE);
    }

    @Bean
    RiskCatalogue riskCatalogue() {
        return RiskCatalogue.standard();
    }

    @Bean
    FactsFormat factsFormat(ObjectMapper objectMapper) {
        return new FactsFormat(objectMapper, ProjectFacts.class);
    }
}
