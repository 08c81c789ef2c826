package org.jianhu.project.bench.portfolio;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jianhu.contracts.common.BusinessCalendar;
import org.jianhu.contracts.common.Period;
import org.jianhu.project.bench.portfolio.PlannedProject.Planned;
import org.jianhu.project.bench.portfolio.PlannedProject.Risk;
import org.jianhu.project.contract.AwardContractCommand;
import org.jianhu.project.contract.ModifyContractCommand;
import org.jianhu.project.directory.AccountDirectory;
import org.jianhu.project.funds.RecordTransactionCommand;
import org.jianhu.project.inspection.RecordInspectionCommand;
import org.jianhu.project.inspection.VerifyRectificationCommand;
import org.jianhu.project.project.Actor;
import org.jianhu.project.project.CancelProjectCommand;
import org.jianhu.project.project.Project;
import org.jianhu.project.project.ProjectAdministration;
import org.jianhu.project.project.ProjectState;
import org.jianhu.project.project.RecordCompletionCommand;
import org.jianhu.project.project.RegisterProjectCommand;
import org.jianhu.project.project.SuspendProjectCommand;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioTest {

    private static final LocalDate AS_OF = Portfolio.STANDING_DATE;
    private static final Portfolio PORTFOLIO = new Portfolio(42, 10_000, AS_OF);
    /** Enough projects for every kind of life to occur many times over, quick to make. */
    private static final List<PlannedProject> SAMPLE = PORTFOLIO.projects().limit(2_000).toList();
    /** Fields holding the date something happened; any other date (due, planned, a period's end) may lie ahead. */
    private static final Set<String> DATES_OF_WHAT_HAPPENED = Set.of("date", "dateSigned", "dateMet", "approvalDate");

    @Test
    void theSameSeedMakesTheSameCommandsAndAnotherSeedOthers() {
        assertThat(digest(new Portfolio(42, 10_000, AS_OF), 300)).isEqualTo(digest(PORTFOLIO, 300));
        assertThat(digest(new Portfolio(43, 10_000, AS_OF), 300)).isNotEqualTo(digest(PORTFOLIO, 300));
    }

    /**
     * The figures in BENCHMARKS.md were measured on this portfolio: a change to the generator that changes it shows
     * here, and the figures are measured again.
     */
    @Test
    void seed42IsThePortfolioTheBenchmarksWereMeasuredOn() {
        assertThat(digest(PORTFOLIO, 300)).isEqualTo("d14467e8de9d3f09c2873b6ae9a3e1f2eb3c55e37f8ba17b64e452172ffc5cf9");
    }

    @Test
    void aProjectIsTheSameMadeAloneAsInTheWholePortfolio() {
        assertThat(PORTFOLIO.project(1_234)).isEqualTo(SAMPLE.get(1_234));
    }

    @Test
    void everyDateIsABusinessDateAndWhatHappenedHappenedBetween2022AndToday() {
        LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
        assertThat(Portfolio.of(42, 10, Clock.systemUTC()).asOf()).isBeforeOrEqualTo(today);
        assertThat(AS_OF).isBeforeOrEqualTo(today);
        for (PlannedProject project : SAMPLE) {
            for (Planned planned : project.commands()) {
                assertThat(planned.date()).isBetween(LocalDate.of(2022, 1, 1), AS_OF);
                datesIn(planned.command()).forEach((field, date) -> {
                    assertThat(date).as(field + " of " + planned.command())
                            .isBetween(LocalDate.of(1990, 1, 1), LocalDate.of(2100, 12, 31));
                    if (DATES_OF_WHAT_HAPPENED.contains(field) || planned.command() instanceof RecordCompletionCommand) {
                        assertThat(date).as(field + " of " + planned.command())
                                .isBetween(LocalDate.of(2022, 1, 1), AS_OF).isBeforeOrEqualTo(planned.date());
                    }
                });
            }
        }
    }

    @Test
    void theMixHoldsEveryFactAndEveryTurnOfAProjectsLife() {
        Set<Class<?>> types = commands().map(Object::getClass).collect(Collectors.toSet());
        assertThat(types).hasSize(16);
        assertThat(count(c -> c instanceof AwardContractCommand a && "direct".equals(a.procurementMethod()))).isPositive();
        assertThat(count(c -> c instanceof AwardContractCommand a && a.numberOfTenderers() == 1
                && "open".equals(a.procurementMethod()))).isPositive();
        for (String kind : List.of("value", "duration", "scope")) {
            assertThat(count(c -> c instanceof ModifyContractCommand m && kind.equals(m.type()))).as(kind).isPositive();
        }
        for (String kind : List.of("appropriation", "payment")) {
            assertThat(count(c -> c instanceof RecordTransactionCommand t && kind.equals(t.kind()))).as(kind)
                    .isPositive();
        }
        assertThat(count(c -> c instanceof RecordInspectionCommand i && "failed".equals(i.result()))).isPositive();
        assertThat(count(c -> c instanceof VerifyRectificationCommand v && !v.accepted())).isPositive();
        assertThat(share(p -> last(p) instanceof RecordCompletionCommand)).isBetween(0.15, 0.6);
        assertThat(share(p -> last(p) instanceof CancelProjectCommand)).isBetween(0.005, 0.04);
        assertThat(share(p -> p.commands().stream().anyMatch(c -> c.command() instanceof SuspendProjectCommand)))
                .isBetween(0.01, 0.06);
    }

    @Test
    void aFewPercentOfProjectsAreRedAndMoreYellow() {
        assertThat(share(p -> p.risk() == Risk.RED)).isBetween(0.01, 0.05);
        assertThat(share(p -> p.risk() == Risk.YELLOW)).isBetween(0.05, 0.15);
    }

    @Test
    void aProjectHasAboutAHundredEventsAndThePortfolioSpreadsOverItsRegionsAndOwners() {
        double events = SAMPLE.stream().mapToInt(p -> p.commands().size()).average().orElseThrow();
        assertThat(events).isBetween(85.0, 115.0);
        assertThat(SAMPLE.stream().map(PlannedProject::region).distinct()).hasSize(Zhejiang.REGIONS.size());
        assertThat(SAMPLE.stream().map(PlannedProject::ownerOrganisation).distinct()).hasSize(Zhejiang.OWNERS.size());
        assertThat(SAMPLE.stream().map(PlannedProject::code).distinct()).hasSize(SAMPLE.size());
    }

    @Test
    void anAdminAdministersAndTheProjectsOwnerRecordsEveryFact() {
        for (PlannedProject project : SAMPLE) {
            for (Planned planned : project.commands()) {
                Actor actor = planned.actor();
                if (planned.command() instanceof ProjectAdministration) {
                    assertThat(actor.role()).isEqualTo(Actor.ADMIN);
                } else {
                    assertThat(actor.role()).isEqualTo(Actor.OWNER);
                    assertThat(actor.organisation()).isEqualTo(project.ownerOrganisation());
                }
            }
        }
    }

    /** The aggregate itself takes every command: nothing generated is refused when it is loaded. */
    @Test
    void theProjectAcceptsEveryGeneratedCommand() {
        Clock asOf = Clock.fixed(AS_OF.atTime(12, 0).toInstant(ZoneOffset.ofHours(8)), BusinessCalendar.ZONE);
        for (PlannedProject project : SAMPLE.subList(0, 60)) {
            FixtureConfiguration<Project> fixture = new AggregateTestFixture<>(Project.class);
            fixture.registerInjectableResource(users());
            fixture.registerInjectableResource(asOf);
            fixture.registerIgnoredField(ProjectState.class, "milestones");
            fixture.registerIgnoredField(ProjectState.class, "contracts");
            fixture.registerIgnoredField(ProjectState.class, "inspections");
            List<Object> messages = project.commands().stream().map(planned -> (Object) GenericCommandMessage
                    .asCommandMessage(planned.command()).andMetaData(planned.actor().asMetadata())).toList();
            fixture.givenCommands(messages.subList(0, messages.size() - 1))
                    .when(messages.get(messages.size() - 1))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Test
    void theUsersFileNamesEverySupervisorAndOwnerTheGeneratorNames() {
        AccountDirectory users = users();
        for (PlannedProject project : SAMPLE) {
            RegisterProjectCommand registration = (RegisterProjectCommand) project.commands().get(0).command();
            assertThat(registration.supervisors()).allMatch(users::isSupervisor);
            Set<String> actors = project.commands().stream().map(c -> c.actor().user()).collect(Collectors.toSet());
            assertThat(actors).allMatch(user -> users.find(user).isPresent());
        }
    }

    static AccountDirectory users() {
        return new AccountDirectory(new ClassPathResource("bench/portfolio-users.yml"));
    }

    private static String digest(Portfolio portfolio, int projects) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            portfolio.projects().limit(projects).forEach(project -> project.commands().forEach(planned ->
                    sha256.update((planned.actor() + " " + planned.command() + "\n").getBytes(StandardCharsets.UTF_8))));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Map<String, LocalDate> datesIn(Object command) {
        Map<String, LocalDate> dates = new java.util.LinkedHashMap<>();
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            Object value = read(component, command);
            if (value instanceof LocalDate date) {
                dates.put(component.getName(), date);
            } else if (value instanceof Period period) {
                dates.put(component.getName() + ".startDate", period.startDate());
                dates.put(component.getName() + ".endDate", period.endDate());
            }
        }
        return dates;
    }

    private static Object read(RecordComponent component, Object command) {
        try {
            return component.getAccessor().invoke(command);
        } catch (ReflectiveOperationException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static java.util.stream.Stream<Object> commands() {
        return SAMPLE.stream().flatMap(p -> p.commands().stream()).map(Planned::command);
    }

    private static long count(Predicate<Object> which) {
        return commands().filter(which).count();
    }

    private static double share(Predicate<PlannedProject> which) {
        return (double) SAMPLE.stream().filter(which).count() / SAMPLE.size();
    }

    private static Object last(PlannedProject project) {
        return project.commands().get(project.commands().size() - 1).command();
    }
}
