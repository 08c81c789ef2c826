package org.jianhu.project.oc4ids;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.project.ContractAwarded;
import org.jianhu.contracts.project.ContractModified;
import org.jianhu.contracts.project.MilestonePlanned;
import org.jianhu.contracts.project.MilestoneStatusReported;
import org.jianhu.contracts.project.ProgressReported;
import org.jianhu.contracts.project.ProjectApproved;
import org.jianhu.contracts.project.ProjectCompleted;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.contracts.project.SupervisorsReassigned;
import org.jianhu.contracts.project.TransactionRecorded;
import org.jianhu.project.contract.AwardContractCommand;
import org.jianhu.project.funds.RecordTransactionCommand;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.contracts.common.Money.cny;

/** The export of a project with every kind of fact OC4IDS carries: valid, and read back as the same facts. */
class ProjectPackageTest {

    static final String PROJECT = "p-1";
    static final OrganisationReference OWNER = new OrganisationReference("transport-bureau", "transport-bureau");
    static final OrganisationReference BUILDER = new OrganisationReference("CN-USCC-913302001234567890",
            "Ningbo Road and Bridge");
    static final OrganisationReference MONITOR = new OrganisationReference("CN-USCC-913302009876543210",
            "Yongjiang Supervision");
    static final OrganisationReference TREASURY = new OrganisationReference("finance-bureau", "Finance bureau");

    static List<ProjectEvent> everyKindOfFact() {
        return List.of(
                new ProjectRegistered(PROJECT, "NB-2025-001", "Harbour bridge", "construction", "Haishu",
                        OWNER.id(), cny("120000000.00"), period("2025-01-01", "2027-12-31"), List.of("sup-li")),
                new ProjectApproved(PROJECT, date("2025-02-10"), "NB-DRC-2025-12"),
                new MilestonePlanned(PROJECT, "m-1", "Foundations complete", "delivery", "commencement",
                        date("2025-09-30"), cny("5000000.00")),
                new MilestonePlanned(PROJECT, "m-2", "Deck complete", "delivery", null, date("2026-06-30"), null),
                new TransactionRecorded(PROJECT, "t-1", TransactionRecorded.APPROPRIATION, date("2025-03-01"),
                        cny("30000000.00"), TREASURY, null, null, null),
                new ContractAwarded(PROJECT, "c-1", ContractAwarded.CONSTRUCTION, ContractAwarded.OPEN, 5,
                        period("2025-02-15", "2025-03-20"), cny("80000000.00"), BUILDER, cny("79000000.00"),
                        period("2025-04-01", "2027-06-30"), date("2025-03-28")),
                new ContractAwarded(PROJECT, "c-2", ContractAwarded.SUPERVISION, ContractAwarded.DIRECT, 1, null,
                        null, MONITOR, cny("900000.00"), period("2025-04-01", "2027-06-30"), date("2025-03-30")),
                new ContractModified(PROJECT, "c-1", "co-1", date("2025-08-01"), ContractModified.VALUE, null,
                        "Piles deeper than surveyed", cny("79000000.00"), cny("83000000.00"), null, null),
                new ContractModified(PROJECT, "c-1", "co-2", date("2025-09-01"), ContractModified.DURATION, null,
                        "Typhoon season", null, null, period("2025-04-01", "2027-06-30"),
                        period("2025-04-01", "2027-09-30")),
                new ContractModified(PROJECT, "c-1", "co-3", date("2025-10-01"), ContractModified.SCOPE,
                        "Add a footbridge", "Requested by the district", null, null, null, null),
                new MilestoneStatusReported(PROJECT, "m-1", MilestoneStatusReported.MET, date("2025-10-05")),
                new TransactionRecorded(PROJECT, "t-2", TransactionRecorded.PAYMENT, date("2025-10-10"),
                        cny("8000000.00"), OWNER, BUILDER, "c-1", "m-1"),
                new ProgressReported(PROJECT, new BigDecimal("12.5"), date("2025-10-31")),
                new SupervisorsReassigned(PROJECT, List.of("sup-li"), List.of("sup-li", "sup-zhou"), "second shift"),
                new MilestoneStatusReported(PROJECT, "m-2", MilestoneStatusReported.NOT_MET, null),
                new ProgressReported(PROJECT, new BigDecimal("100"), date("2027-05-20")),
                new ProjectCompleted(PROJECT, date("2027-05-31"), cny("84000000.00"), "Bridge and footbridge"));
    }

    static ObjectNode exported() {
        return ProjectPackage.of(everyKindOfFact(), Instant.parse("2027-06-01T02:00:00Z"),
                id -> "sup-li".equals(id) ? "Li Ming" : id);
    }

    @Test
    void theExportOfAProjectWithEveryKindOfFactFollowsTheSchema() {
        assertThat(new PackageSchema().violations(exported())).isEmpty();
    }

    @Test
    void theExportNamesThePartiesByTheirRoles() {
        JsonNode project = exported().get("projects").get(0);

        assertThat(roles(project, OWNER.id())).containsExactly("publicAuthority", "buyer", "payer", "payee");
        assertThat(roles(project, BUILDER.id())).containsExactly("supplier", "payee");
        assertThat(roles(project, "sup-li")).containsExactly("independentMonitor");
        assertThat(roles(project, "sup-zhou")).containsExactly("independentMonitor");
        assertThat(roles(project, TREASURY.id())).containsExactly("payer");
        assertThat(project.at("/status").asText()).isEqualTo("completion");
        assertThat(project.at("/forecasts/0/observations/1/measure").decimalValue()).isEqualByComparingTo("100");
        assertThat(project.at("/metrics/0/observations/0/measure").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(project.at("/contractingProcesses/0/summary/dateSigned").asText())
                .isEqualTo("2025-03-28T00:00:00+08:00");
    }

    @Test
    void anExportedPackageReadsBackAsTheSameFactsWithNothingLeftOver() {
        ImportReport.Builder report = new ImportReport.Builder();
        ProjectMapping.MappedProject mapped = ProjectMapping.map(
                new PackageNode(exported().get("projects").get(0), "$.projects[0]"), PROJECT, false, "Haishu",
                List.of("sup-li", "sup-zhou"), report);

        ImportReport built = report.build(ImportMode.STRICT, true);
        assertThat(built.problems()).isEmpty();
        assertThat(built.notKept()).isEmpty();
        assertThat(mapped.steps()).map(step -> FactKeys.ofCommand(step.command()).orElseThrow())
                .containsExactlyInAnyOrderElementsOf(everyKindOfFact().stream().map(FactKeys::ofEvent)
                        .flatMap(Optional::stream).toList());
        ProjectRegistered registered = (ProjectRegistered) everyKindOfFact().get(0);
        assertThat(mapped.registration().budget()).isEqualTo(registered.budget());
        assertThat(mapped.registration().plannedPeriod()).isEqualTo(registered.plannedPeriod());
        assertThat(mapped.registration().ownerOrganisation()).isEqualTo(OWNER.id());
        assertThat(commands(mapped, AwardContractCommand.class)).first().satisfies(award -> {
            assertThat(award.supplier()).isEqualTo(BUILDER);
            assertThat(award.dateSigned()).isEqualTo(date("2025-03-28"));
            assertThat(award.tenderPeriod()).isEqualTo(period("2025-02-15", "2025-03-20"));
            assertThat(award.contractValue()).isEqualTo(cny("79000000.00"));
        });
        assertThat(commands(mapped, RecordTransactionCommand.class)).extracting(RecordTransactionCommand::kind,
                        RecordTransactionCommand::contractId, RecordTransactionCommand::milestoneId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("appropriation", null, null),
                        org.assertj.core.groups.Tuple.tuple("payment", "c-1", "m-1"));
    }

    @Test
    void factsAreSentInBusinessDateOrderWithMilestonesPlannedFirstAndCompletionLast() {
        ProjectMapping.MappedProject mapped = ProjectMapping.map(
                new PackageNode(exported().get("projects").get(0), "$.projects[0]"), PROJECT, false, "Haishu",
                List.of("sup-li", "sup-zhou"), new ImportReport.Builder());

        List<Step> ordered = mapped.steps().stream().sorted(Step.BUSINESS_ORDER).toList();

        assertThat(ordered.subList(0, 2)).allMatch(step -> step.rank() == Step.Rank.PLANNING);
        assertThat(ordered.get(ordered.size() - 1).rank()).isEqualTo(Step.Rank.COMPLETION);
        List<LocalDate> dated = ordered.subList(2, ordered.size() - 1).stream().map(Step::date)
                .filter(java.util.Objects::nonNull).toList();
        assertThat(dated).isSorted();
    }

    private static <T> List<T> commands(ProjectMapping.MappedProject mapped, Class<T> type) {
        return mapped.steps().stream().map(Step::command).filter(type::isInstance).map(type::cast).toList();
    }

    private static List<String> roles(JsonNode project, String partyId) {
        for (JsonNode party : project.get("parties")) {
            if (partyId.equals(party.get("id").asText())) {
                return java.util.stream.StreamSupport.stream(party.get("roles").spliterator(), false)
                        .map(JsonNode::asText).toList();
            }
        }
        return List.of();
    }

    static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    static Period period(String start, String end) {
        return new Period(date(start), date(end));
    }
}
