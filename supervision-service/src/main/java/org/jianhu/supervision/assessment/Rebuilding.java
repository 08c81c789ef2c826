package org.jianhu.supervision.assessment;

import org.jianhu.contracts.envelope.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Folds every project's facts afresh from the project service's global log and puts them in place
 * of the stored ones, then evaluates each project once: signals change only where the outcome
 * differs. A project whose events moved on past the log's end while rebuilding keeps its view.
 */
@Service
public class Rebuilding {

    public record Outcome(long events, int rebuilt, int movedOn) {
    }

    private static final Logger log = LoggerFactory.getLogger(Rebuilding.class);

    private final ProjectLog projectLog;
    private final RiskProjects projects;
    private final FactsFormat factsFormat;
    private final ProjectEventDecoding decoding;
    private final ProjectAssessment assessment;
    private final TransactionTemplate transaction;

    Rebuilding(ProjectLog projectLog, RiskProjects projects, FactsFormat factsFormat, ProjectEventDecoding decoding,
               ProjectAssessment assessment, PlatformTransactionManager transactions) {
        this.projectLog = projectLog;
        this.projects = projects;
        this.factsFormat = factsFormat;
        this.decoding = decoding;
        this.assessment = assessment;
        this.transaction = new TransactionTemplate(transactions);
    }

    public Outcome rebuild() {
        Map<String, RiskProject> folded = new LinkedHashMap<>();
        long events = projectLog.readAll(envelope -> fold(folded, envelope));
        int movedOn = 0;
        for (RiskProject rebuilt : folded.values()) {
            Boolean replaced = transaction.execute(status -> {
                RiskProject stored = projects.lockOrCreate(rebuilt.projectId());
                if (stored.nextSequence() > rebuilt.nextSequence()) {
                    return false;
                }
                assessment.assessAndSave(rebuilt);
                return true;
            });
            movedOn += Boolean.TRUE.equals(replaced) ? 0 : 1;
        }
        log.info("rebuilt {} projects from {} events; {} had moved on meanwhile and kept their view",
                folded.size() - movedOn, events, movedOn);
        return new Outcome(events, folded.size() - movedOn, movedOn);
    }

    private void fold(Map<String, RiskProject> folded, EventEnvelope envelope) {
        RiskProject project = folded.computeIfAbsent(envelope.projectId(),
                id -> new RiskProject(id, 0, null, factsFormat.fresh(id), null, null, null, null));
        if (envelope.sequenceNumber() == project.nextSequence()) {
            project.fold(envelope, decoding.decode(envelope).orElse(null));
        } else if (envelope.sequenceNumber() > project.nextSequence()) {
            throw new IllegalStateException("the global log skips events of project " + envelope.projectId()
                    + " before sequence " + envelope.sequenceNumber());
        }
    }
}
