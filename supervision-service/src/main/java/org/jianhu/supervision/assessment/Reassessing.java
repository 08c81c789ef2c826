package org.jianhu.supervision.assessment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates every project again without a new event: each day for the rules that trip on time
 * passing (R03, R06's deadline…), and when an administrator changes thresholds. One transaction
 * per project, under the same lock as event application.
 */
@Service
public class Reassessing {

    private static final Logger log = LoggerFactory.getLogger(Reassessing.class);

    private final RiskProjects projects;
    private final ProjectAssessment assessment;
    private final TransactionTemplate transaction;

    Reassessing(RiskProjects projects, ProjectAssessment assessment, PlatformTransactionManager transactions) {
        this.projects = projects;
        this.assessment = assessment;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${jianhu.reassessment.cron:0 5 0 * * *}", zone = "Asia/Shanghai")
    public void daily() {
        log.info("daily re-evaluation: {} projects", reassessAll());
    }

    public int reassessAll() {
        int count = 0;
        for (String projectId : projects.ids()) {
            transaction.executeWithoutResult(status -> assessment.assessAndSave(projects.lock(projectId)));
            count++;
        }
        return count;
    }
}
