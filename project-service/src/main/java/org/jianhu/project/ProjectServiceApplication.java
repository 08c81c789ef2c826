package org.jianhu.project;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ProjectServiceApplication {

    public static void main(String[] args) {
        keepAxonFromPhoningHome();
        SpringApplication.run(ProjectServiceApplication.class, args);
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
