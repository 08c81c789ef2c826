package org.jianhu.project.oc4ids;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.caching.Cache;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.contracts.project.ProjectLifecycle;
import org.jianhu.project.history.ProjectStates;
import org.jianhu.project.history.StoredEvents;
import org.jianhu.project.project.Actor;
import org.jianhu.project.project.ProjectAdministration;
import org.jianhu.project.project.ProjectState;
import org.jianhu.project.project.RejectedCommand;
import org.jianhu.project.web.CommandDispatcher;
import org.jianhu.servicesupport.problem.FieldError;
import org.jianhu.servicesupport.input.InputPolicy;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Imports an OC4IDS project package (admin): validated against the schema first, then each project registered
 * and its facts recorded through the very commands the REST API sends, in business-date order, so that every
 * rule and right applies. A fact the project has recorded already is not sent again.
 *
 * <p>Strict: all its commands run in one transaction, taken back whole if any part of the package cannot be
 * mapped or any command is refused; the commands stop at the first refusal (Axon rolls back the connection of a
 * refused command, so nothing after it could stand on what came before), and the report names it with every part
 * that could not be mapped. Partial:
 * each command is a transaction of its own, so a refused one takes back only itself, and every refusal is reported.
 */
@Component
public class Importing {

    private final PackageSchema schema;
    private final CommandDispatcher commands;
    private final StoredEvents storedEvents;
    private final ProjectStates states;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate wholeImport;
    private final TransactionTemplate ownTransaction;
    private final Cache projectCache;

    public Importing(PackageSchema schema, CommandDispatcher commands, StoredEvents storedEvents, ProjectStates states,
                     JdbcTemplate jdbc, PlatformTransactionManager transactions,
                     @Qualifier("projectCache") Cache projectCache) {
        this.schema = schema;
        this.commands = commands;
        this.storedEvents = storedEvents;
        this.states = states;
        this.jdbc = jdbc;
        this.wholeImport = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.projectCache = projectCache;
    }

    /** A package that does not follow the schema: nothing of it is read. */
    public static class InvalidPackage extends RuntimeException {

        private final transient List<FieldError> violations;

        InvalidPackage(List<FieldError> violations) {
            super("the package does not follow the OC4IDS 0.9.5 project package schema (" + violations.size()
                    + (violations.size() == 1 ? " violation)" : " violations)"));
            this.violations = violations;
        }

        public List<FieldError> violations() {
            return violations;
        }
    }

    private record PlannedProject(PackageNode node, String projectId, ProjectMapping.MappedProject mapped) {
    }

    /**
     * @param region      and {@code supervisors}: the registration's for every new project of the package (OC4IDS
     *                    has no field for them), held to registration's rules; a project already registered keeps
     *                    its own
     * @throws RejectedCommand when {@code region} or {@code supervisors} is refused (then nothing is recorded)
     */
    public ImportReport importPackage(JsonNode projectPackage, ImportMode mode, String region, List<String> supervisors,
                                      Actor actor) {
        actor.requireAdministering("import an OC4IDS project package");
        List<FieldError> violations = schema.violations(projectPackage);
        if (!violations.isEmpty()) {
            throw new InvalidPackage(violations);
        }
        ImportReport.Builder report = new ImportReport.Builder();
        PackageNode root = new PackageNode(projectPackage, "$");
        root.pass("uri", "publishedDate", "publisher", "license", "publicationPolicy", "version");
        List<PlannedProject> planned = new ArrayList<>();
        for (PackageNode project : root.objects("projects")) {
            project.pass("updated");
            String code = project.text("id");
            Optional<String> registered = code == null ? Optional.empty() : registeredAs(code);
            String projectId = registered.orElseGet(() -> UUID.randomUUID().toString());
            planned.add(new PlannedProject(project, projectId, ProjectMapping.map(project, projectId,
                    registered.isPresent(), region, supervisors, report)));
        }
        root.reportUnread(report);
        if (mode == ImportMode.PARTIAL) {
            planned.forEach(project -> record(project, actor, report, ownTransaction, false));
            return report.build(mode, true);
        }
        return wholeImport.execute(status -> {
            forgetCachedProjectsUnlessCommitted();
            for (PlannedProject project : planned) {
                if (!record(project, actor, report, null, true)) {
                    break;
                }
            }
            if (report.hasProblems()) {
                status.setRollbackOnly();
                return report.build(mode, false);
            }
            return report.build(mode, true);
        });
    }

    /** @return false when it stopped at a refusal ({@code stopAtRefusal}) */
    private boolean record(PlannedProject project, Actor admin, ImportReport.Builder report,
                           TransactionTemplate transaction, boolean stopAtRefusal) {
        ProjectMapping.MappedProject mapped = project.mapped();
        String code = mapped.code();
        if (mapped.registration() != null) {
            Optional<RejectedCommand> refused = send(mapped.registration(), admin, transaction);
            if (refused.isPresent()) {
                RejectedCommand refusal = refused.get();
                if ("region".equals(refusal.field()) || "supervisors".equals(refusal.field())) {
                    throw refusal;
                }
                report.problem(mapped.registrationPaths().getOrDefault(refusal.field(), project.node().path()),
                        refusal.field(), refusal.getMessage());
                report.problem(project.node().path(), code, "the project could not be registered, so none of its "
                        + mapped.steps().size() + " facts is recorded");
                report.project(new ImportReport.ImportedProject(code, null, false, 0, 0, null));
                return !stopAtRefusal;
            }
        }
        String projectId = project.projectId();
        Set<String> recorded = recordedFacts(projectId);
        Actor owner = onBehalfOfOwner(admin, states.current(projectId).orElseThrow().state());
        int sent = 0;
        int already = 0;
        boolean stopped = false;
        for (Step step : mapped.steps().stream().sorted(Step.BUSINESS_ORDER).toList()) {
            Optional<String> key = FactKeys.ofCommand(step.command());
            if (key.isPresent() && recorded.contains(key.get())) {
                already++;
                continue;
            }
            Optional<RejectedCommand> refused = send(step.command(),
                    step.command() instanceof ProjectAdministration ? admin : owner, transaction);
            if (refused.isPresent()) {
                report.problem(step.pathOf(refused.get().field()), refused.get().field(), refused.get().getMessage());
                if (stopAtRefusal) {
                    stopped = true;
                    break;
                }
            } else {
                sent++;
                key.ifPresent(recorded::add);
            }
        }
        ProjectState state = states.current(projectId).orElseThrow().state();
        String status = mapped.status();
        if (!stopped && status != null && ProjectLifecycle.STATUSES.contains(status)
                && !ProjectLifecycle.CANCELLED.equals(status) && !status.equals(state.status())) {
            report.problem(project.node().path("status"), status, "Jianhu's status follows from the facts: "
                    + "with those recorded, the project is in " + state.status());
        }
        report.project(new ImportReport.ImportedProject(code, projectId, mapped.registration() != null,
                sent + (mapped.registration() != null ? 1 : 0), already, state.status()));
        return !stopped;
    }

    /**
     * The owner's facts are recorded by the importing admin, as an admin, on the owner organisation's behalf: the
     * project takes facts from its owners or from an import for them, and the events say who imported them for whom
     * ({@code actorOnBehalfOf}).
     */
    private static Actor onBehalfOfOwner(Actor admin, ProjectState project) {
        return admin.importingFor(project.ownerOrganisation());
    }

    /**
     * @param transaction the command's own, or null to take part in the import's
     * @return the refusal, when the project refused the command (which then recorded nothing)
     */
    private Optional<RejectedCommand> send(Object command, Actor actor, TransactionTemplate transaction) {
        try {
            if (transaction == null) {
                commands.dispatch(command, actor);
            } else {
                transaction.executeWithoutResult(own -> commands.dispatch(command, actor));
            }
            return Optional.empty();
        } catch (RuntimeException failed) {
            for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                if (cause instanceof RejectedCommand rejected) {
                    return Optional.of(rejected);
                }
            }
            throw failed;
        }
    }

    /** Empty for a code no project can have (registration then refuses it by name, as it refuses any caller's). */
    private Optional<String> registeredAs(String code) {
        if (InputPolicy.identifier("id", code).isPresent()) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT project_id FROM project_code WHERE code = ?", String.class, code).stream()
                .findFirst();
    }

    private Set<String> recordedFacts(String projectId) {
        Set<String> facts = new HashSet<>();
        storedEvents.ofProject(projectId).forEach(envelope -> {
            ProjectEvent event = storedEvents.eventOf(envelope);
            FactKeys.ofEvent(event).ifPresent(facts::add);
        });
        return facts;
    }

    /**
     * Axon keeps the projects it loaded in its cache; should the import be taken back, the cache would remember
     * events that were never stored, so it is emptied (as the idempotency filter does for the same reason).
     */
    private void forgetCachedProjectsUnlessCommitted() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    projectCache.removeAll();
                }
            }
        });
    }
}
