package org.jianhu.project.oc4ids;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.contracts.common.BusinessCalendar;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.contracts.project.ProjectLifecycle;
import org.jianhu.project.history.ProjectStates;
import org.jianhu.project.history.StoredEvents;
import org.jianhu.project.project.Actor;
import org.jianhu.project.project.ProjectAdministration;
import org.jianhu.project.project.ProjectDecider;
import org.jianhu.project.project.ProjectState;
import org.jianhu.project.project.RegisterProjectCommand;
import org.jianhu.project.project.RejectedCommand;
import org.jianhu.project.project.SupervisorAccounts;
import org.jianhu.project.web.CommandDispatcher;
import org.jianhu.servicesupport.problem.FieldError;
import org.jianhu.servicesupport.input.InputPolicy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Imports an OC4IDS project package (admin): validated against the schema first, then each project registered
 * and its facts recorded through the very commands the REST API sends, in business-date order, so that every
 * rule and right applies. A fact the project has recorded already is not sent again.
 *
 * <p>Each command is recorded in a transaction of its own, and no transaction is held around the package: the
 * event store's readers wait behind the oldest open write transaction of the database, so one held for a whole
 * package would hold every one of them back for as long as the import takes.
 *
 * <p>Strict: first a dry run. Every command of every project is decided in memory, by the project's own
 * {@link ProjectDecider}, on the project as it stands (or a new one), each decided event folded into it, so that
 * each fact is judged on what comes before it; every refusal is reported with every part that cannot be mapped,
 * and nothing is recorded — no command is sent. Only a package that passed is recorded, command by command; should
 * a project refuse then what the dry run took (another write changed it in between), the import stops there and
 * says so ({@link ImportReport#interrupted()}), with what it recorded up to there. Partial: no dry run; each command
 * is sent, a refused one takes back only itself, and every refusal is reported.
 */
@Component
public class Importing {

    private final PackageSchema schema;
    private final CommandDispatcher commands;
    private final StoredEvents storedEvents;
    private final ProjectStates states;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final SupervisorAccounts accounts;

    public Importing(PackageSchema schema, CommandDispatcher commands, StoredEvents storedEvents, ProjectStates states,
                     JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                     SupervisorAccounts accounts) {
        this.schema = schema;
        this.commands = commands;
        this.storedEvents = storedEvents;
        this.states = states;
        this.jdbc = jdbc;
        // a new one even inside a caller's transaction, so that each command commits (or is taken back) alone
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.accounts = accounts;
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

    /** What recording a project's commands came to; {@code stopped} when it stopped at a refusal. */
    private record Outcome(ImportReport.ImportedProject project, boolean stopped) {
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
        Map<String, String> pathsOfCodes = new HashMap<>();
        for (PackageNode project : root.objects("projects")) {
            project.pass("updated");
            String code = project.text("id");
            Optional<String> registered = code == null ? Optional.empty() : registeredAs(code);
            String projectId = registered.orElseGet(() -> UUID.randomUUID().toString());
            ProjectMapping.MappedProject mapped = ProjectMapping.map(project, projectId, registered.isPresent(), region,
                    supervisors, report);
            String first = code == null ? null : pathsOfCodes.putIfAbsent(code, project.path());
            if (first != null) {
                // its registration would be refused as a duplicate code, not as a fact: say so before anything is sent
                report.problem(project.path("id"), code, "the package holds project " + code + " twice (also at "
                        + first + "); a project is imported once");
            } else {
                planned.add(new PlannedProject(project, projectId, mapped));
            }
        }
        root.reportUnread(report);
        if (mode == ImportMode.PARTIAL) {
            planned.forEach(project -> report.project(record(project, actor, report, sent(project), false).project()));
            return report.build(mode, true);
        }
        LocalDate today = BusinessCalendar.dateOf(clock.instant());
        planned.forEach(project -> record(project, actor, report, decidedInMemory(project, today), false));
        if (report.hasProblems()) {
            return report.build(mode, false);
        }
        for (PlannedProject project : planned) {
            Outcome outcome = record(project, actor, report, sent(project), true);
            report.project(outcome.project());
            if (outcome.stopped()) {
                return report.buildInterrupted();
            }
        }
        return report.build(mode, true);
    }

    /**
     * Where a project's commands go: decided in memory by a strict import's dry run, or sent to the project. Both
     * are taken through the same steps ({@link #record}), so that the dry run judges exactly what will be sent.
     */
    private interface Recorder {

        /** @return the refusal, when the project refused the command (which then changed nothing) */
        Optional<RejectedCommand> send(Object command, Actor actor);

        /** The project as the commands so far have left it; null before it is registered. */
        ProjectState state();

        /** The keys ({@link FactKeys}) of the facts the project had recorded before the import. */
        Set<String> recordedFacts();
    }

    /** The real run: each command sent to the project, in a transaction of its own. */
    private Recorder sent(PlannedProject project) {
        return new Recorder() {
            @Override
            public Optional<RejectedCommand> send(Object command, Actor actor) {
                return dispatched(command, actor);
            }

            @Override
            public ProjectState state() {
                return states.current(project.projectId()).map(ProjectStates.VersionedState::state).orElse(null);
            }

            @Override
            public Set<String> recordedFacts() {
                return factsOf(storedEvents.ofProject(project.projectId()));
            }
        };
    }

    /** The dry run of a project, on its events as stored (read once, in no transaction of the import's). */
    private Recorder decidedInMemory(PlannedProject project, LocalDate today) {
        List<EventEnvelope> stored = storedEvents.ofProject(project.projectId());
        return new DecidedInMemory(states.of(stored).map(ProjectStates.VersionedState::state).orElse(null),
                factsOf(stored), today, accounts);
    }

    /**
     * Each command decided as the project decides it, and the event it decides folded into the state in memory,
     * so that the next is decided on what came before it. Nothing leaves it.
     */
    private static final class DecidedInMemory implements Recorder {

        private ProjectState state;
        private final Set<String> recordedFacts;
        private final LocalDate today;
        private final SupervisorAccounts accounts;

        DecidedInMemory(ProjectState state, Set<String> recordedFacts, LocalDate today, SupervisorAccounts accounts) {
            this.state = state;
            this.recordedFacts = recordedFacts;
            this.today = today;
            this.accounts = accounts;
        }

        @Override
        public Optional<RejectedCommand> send(Object command, Actor actor) {
            ProjectEvent event;
            try {
                event = ProjectDecider.decide(command, state, actor, today, accounts);
            } catch (RejectedCommand refused) {
                return Optional.of(refused);
            }
            if (state == null) {
                state = new ProjectState();
            }
            state.apply(event);
            return Optional.empty();
        }

        @Override
        public ProjectState state() {
            return state;
        }

        @Override
        public Set<String> recordedFacts() {
            return recordedFacts;
        }
    }

    /** Records a project's registration and facts through {@code recorder}, each refusal in the report. */
    private Outcome record(PlannedProject project, Actor admin, ImportReport.Builder report, Recorder recorder,
                           boolean stopAtRefusal) {
        ProjectMapping.MappedProject mapped = project.mapped();
        String code = mapped.code();
        if (mapped.registration() != null) {
            Optional<RejectedCommand> refused = recorder.send(mapped.registration(), admin);
            if (refused.isPresent()) {
                RejectedCommand refusal = refused.get();
                if ("region".equals(refusal.field()) || "supervisors".equals(refusal.field())) {
                    throw refusal;
                }
                report.problem(mapped.registrationPaths().getOrDefault(refusal.field(), project.node().path()),
                        refusal.field(), refusal.getMessage());
                report.problem(project.node().path(), code, "the project could not be registered, so none of its "
                        + mapped.steps().size() + " facts is recorded");
                return new Outcome(new ImportReport.ImportedProject(code, null, false, 0, 0, null), true);
            }
        }
        Set<String> recorded = new HashSet<>(recorder.recordedFacts());
        Actor owner = onBehalfOfOwner(admin, recorder.state());
        int sent = 0;
        int already = 0;
        boolean stopped = false;
        for (Step step : mapped.steps().stream().sorted(Step.BUSINESS_ORDER).toList()) {
            Optional<String> key = FactKeys.ofCommand(step.command());
            if (key.isPresent() && recorded.contains(key.get())) {
                already++;
                continue;
            }
            Optional<RejectedCommand> refused = recorder.send(step.command(),
                    step.command() instanceof ProjectAdministration ? admin : owner);
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
        ProjectState state = recorder.state();
        String status = mapped.status();
        if (!stopped && status != null && ProjectLifecycle.STATUSES.contains(status)
                && !ProjectLifecycle.CANCELLED.equals(status) && !status.equals(state.status())) {
            report.problem(project.node().path("status"), status, "Jianhu's status follows from the facts: "
                    + "with those recorded, the project is in " + state.status());
        }
        return new Outcome(new ImportReport.ImportedProject(code, project.projectId(), mapped.registration() != null,
                sent + (mapped.registration() != null ? 1 : 0), already, state.status()), stopped);
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
     * @return the refusal, when the project refused the command (which then recorded nothing); a registration whose
     * code another request registered meanwhile is refused as such
     */
    private Optional<RejectedCommand> dispatched(Object command, Actor actor) {
        try {
            ownTransaction.executeWithoutResult(own -> commands.dispatch(command, actor));
            return Optional.empty();
        } catch (RuntimeException failed) {
            for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                if (cause instanceof RejectedCommand rejected) {
                    return Optional.of(rejected);
                }
                if (cause instanceof DuplicateKeyException && command instanceof RegisterProjectCommand registration) {
                    return Optional.of(RejectedCommand.invalid("code", "project code " + registration.code()
                            + " was registered by another request while this package was imported"));
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

    private Set<String> factsOf(List<EventEnvelope> events) {
        Set<String> facts = new HashSet<>();
        events.forEach(envelope -> FactKeys.ofEvent(storedEvents.eventOf(envelope)).ifPresent(facts::add));
        return facts;
    }
}
