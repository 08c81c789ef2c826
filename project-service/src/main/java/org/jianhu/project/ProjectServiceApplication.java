package org.jianhu.project;

import org.jianhu.contracts.common.BusinessCalendar;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

@SpringBootApplication
public class ProjectServiceApplication {

    public static void main(String[] args) {
        keepAxonFromPhoningHome();
        SpringApplication.run(ProjectServiceApplication.class, args);
    }

    /**
     * The time the project's decisions take "today" from (Axon hands it to the aggregate's handlers: a date of
     * something that happened may not be after it), in the zone of business dates.
     */
    @Bean
    Clock clock() {
        return Clock.system(BusinessCalendar.ZONE);
    }

    /**
     * Axon's update checker would send usage data to its vendor from inside a supervision system;
     * an operator may still turn it on explicitly.
     */
    public static void keepAxonFromPhoningHome() {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
