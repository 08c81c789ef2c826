package org.jianhu.supervision.assessment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * Ends the initial loads that have gone quiet: every project whose initial load's last event was recorded the
 * catch-up gap ago or more, and that is not judged as of now yet, is judged as of now, once (its risk view keeps
 * {@code caught_up_at}; see {@link InitialLoads}). Every {@code jianhu.assessment.catch-up-sweep-ms} (30 s); each
 * project in a transaction of its own, under its row lock, where it is looked at again.
 */
@Service
public class EndingInitialLoads {

    private static final Logger log = LoggerFactory.getLogger(EndingInitialLoads.class);

    private final RiskProjects projects;
    private final ProjectAssessment assessment;
    private final InitialLoads initialLoads;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EndingInitialLoads(RiskProjects projects, ProjectAssessment assessment, InitialLoads initialLoads,
                       PlatformTransactionManager transactions, Clock clock) {
        this.projects = projects;
        this.assessment = assessment;
        this.initialLoads = initialLoads;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** @return how many projects it judged as of now */
    @Scheduled(fixedDelayString = "${jianhu.assessment.catch-up-sweep-ms:30000}",
            initialDelayString = "${jianhu.assessment.catch-up-sweep-ms:30000}")
    public int sweep() {
        int ended = 0;
        for (String projectId : projects.quietInitialLoads(initialLoads.quietSince())) {
            Boolean judged = transaction.execute(status -> {
                RiskProject project = projects.lock(projectId);
                // an event applied meanwhile may have ended it, or kept it going
                if (project.caughtUpAt() != null
                        || project.facts().catchingUpAt(clock.instant(), initialLoads.gap())) {
                    return false;
                }
                assessment.assessAndSave(project);
                return true;
            });
            ended += Boolean.TRUE.equals(judged) ? 1 : 0;
        }
        if (ended > 0) {
            log.info("{} projects caught up: judged as of now", ended);
        }
        return ended;
    }
}
