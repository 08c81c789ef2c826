package org.jianhu.supervision.assessment;

import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.supervision.signal.ProjectDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Folds every project's facts afresh from the project service's global log, read page by page, and
 * puts them in place of the stored ones, then evaluates each project once: signals change only
 * where the outcome differs. Runs in the background while live deliveries go on being applied: a
 * project whose live events moved on past the log's end meanwhile is folded on from its history up
 * to where the live view stands, under its row lock, so neither overtakes the other.
 *
 * <p>The log is never held whole; the folded facts of every project are, until written back.
 *
 * <p>Each project is judged as the live view judges it ({@link InitialLoads}): one the stored view judges as of
 * now already stays so; one whose initial load the log shows over, or gone quiet, is judged as of now from here
 * on; one still in it is judged as of the business date its history has reached.
 */
@Service
public class Rebuilding {

    public record Outcome(long events, int rebuilt, int movedOn) {
    }

    private static final Logger log = LoggerFactory.getLogger(Rebuilding.class);
    private static final int PROGRESS_EVERY = 100;

    private final ProjectLog projectLog;
    private final ProjectHistory history;
    private final RiskProjects projects;
    private final FactsFormat factsFormat;
    private final ProjectEventDecoding decoding;
    private final ProjectAssessment assessment;
    private final Rebuilds rebuilds;
    private final InitialLoads initialLoads;
    private final TaskExecutor background;
    private final TransactionTemplate transaction;

    Rebuilding(ProjectLog projectLog, ProjectHistory history, RiskProjects projects, FactsFormat factsFormat,
               ProjectEventDecoding decoding, ProjectAssessment assessment, Rebuilds rebuilds,
               InitialLoads initialLoads, @Qualifier("applicationTaskExecutor") TaskExecutor background, PlatformTransactionManager transactions) {
        this.projectLog = projectLog;
        this.history = history;
        this.projects = projects;
        this.factsFormat = factsFormat;
        this.decoding = decoding;
        this.assessment = assessment;
        this.rebuilds = rebuilds;
        this.initialLoads = initialLoads;
        this.background = background;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Starts a rebuild in the background; its progress is at {@link Rebuilds#find}. */
    public UUID start(String requestedBy) {
        UUID id = UUID.randomUUID();
        rebuilds.started(id, requestedBy);
        background.execute(() -> {
            try {
                rebuild(id);
                rebuilds.finished(id, Rebuilds.DONE, null);
            } catch (RuntimeException failed) {
                log.error("rebuild {} failed", id, failed);
                rebuilds.finished(id, Rebuilds.FAILED, String.valueOf(failed.getMessage()));
            }
        });
        return id;
    }

    Outcome rebuild(UUID id) {
        Map<String, RiskProject> folded = new LinkedHashMap<>();
        long[] read = {0};
        long events = projectLog.readAll(envelope -> {
            fold(folded, envelope);
            if (++read[0] % PROGRESS_EVERY == 0) {
                rebuilds.eventsRead(id, read[0]);
            }
        });
        rebuilds.eventsRead(id, events);
        int done = 0;
        int movedOn = 0;
        for (RiskProject rebuilt : folded.values()) {
            movedOn += writeBack(rebuilt) ? 0 : 1;
            if (++done % PROGRESS_EVERY == 0) {
                rebuilds.projectsRebuilt(id, done - movedOn, folded.size());
            }
        }
        rebuilds.projectsRebuilt(id, folded.size() - movedOn, folded.size());
        log.info("rebuild {}: {} projects from {} events; {} had moved on where their history could not follow",
                id, folded.size() - movedOn, events, movedOn);
        return new Outcome(events, folded.size() - movedOn, movedOn);
    }

    /**
     * Under the project's row lock: the rebuilt view replaces the stored one, caught up with it first. Where the
     * stored view had moved on, the first transaction keeps nothing; the history is read with none open, and a
     * second one folds what the stored view had applied since and writes back.
     */
    private boolean writeBack(RiskProject rebuilt) {
        Optional<Boolean> replaced = transaction.execute(status -> writeBack(rebuilt, null, status));
        if (replaced.isPresent()) {
            return replaced.get();
        }
        List<EventEnvelope> history = this.history.of(rebuilt.projectId());
        // a view that moved on further meanwhile is past this history: left as it stands
        return transaction.execute(status -> writeBack(rebuilt, history, status)).orElse(false);
    }

    /** {@code history} is null until it was read; empty answered when the history is needed. */
    private Optional<Boolean> writeBack(RiskProject rebuilt, List<EventEnvelope> history, TransactionStatus status) {
        RiskProject stored = projects.lockOrCreate(rebuilt.projectId());
        if (stored.nextSequence() > rebuilt.nextSequence()) {
            if (history == null) {
                status.setRollbackOnly();
                return Optional.empty();
            }
            List<EventEnvelope> missed = history.stream()
                    .filter(envelope -> envelope.sequenceNumber() >= rebuilt.nextSequence()
                            && envelope.sequenceNumber() < stored.nextSequence())
                    .sorted(Comparator.comparingLong(EventEnvelope::sequenceNumber))
                    .toList();
            if (missed.size() != stored.nextSequence() - rebuilt.nextSequence()) {
                return Optional.of(false);
            }
            missed.forEach(envelope -> rebuilt.fold(envelope, decoding.decode(envelope).orElse(null),
                    initialLoads.gap()));
        }
        if (stored.caughtUpAt() != null) {
            // judged as of now since then: the log says when its initial load ended, the view remembers it did
            rebuilt.caughtUp(stored.caughtUpAt());
        }
        // the stored details are what consumers were last told: only a real difference restates signals
        assessment.assessAndSave(rebuilt, ProjectDetails.of(stored.facts()));
        return Optional.of(true);
    }

    private void fold(Map<String, RiskProject> folded, EventEnvelope envelope) {
        RiskProject project = folded.computeIfAbsent(envelope.projectId(),
                id -> new RiskProject(id, 0, null, factsFormat.fresh(id), null, null, null, null));
        if (envelope.sequenceNumber() == project.nextSequence()) {
            project.fold(envelope, decoding.decode(envelope).orElse(null), initialLoads.gap());
        } else if (envelope.sequenceNumber() > project.nextSequence()) {
            throw new IllegalStateException("the global log skips events of project " + envelope.projectId()
                    + " before sequence " + envelope.sequenceNumber());
        }
    }
}
