package org.jianhu.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final List<String> OCCURRENCE_DATES = List.of("date", "dateMet", "approvalDate", "endDate");

    private final Portfolio portfolio = Portfolio.load();
    private final Permissions permissions = new Permissions(DemoUsers.load());

    @Test
    void everyProjectFileParsesAndIsListedOnce() throws IOException {
        List<String> files;
        try (Stream<Path> listed = Files.list(Path.of("projects"))) {
            files = listed.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(portfolio.projects()).hasSize(files.size()).hasSizeBetween(10, 14);
        assertThat(portfolio.projects()).extracting(p -> p.code() + "-").allSatisfy(prefix ->
                assertThat(files).anyMatch(file -> file.startsWith(prefix)));
    }

    @Test
    void projectCodesAreUniqueAndMatchTheRegistration() {
        assertThat(portfolio.projects()).extracting(ProjectSeed::code).doesNotHaveDuplicates();
        assertThat(portfolio.projects()).allSatisfy(project ->
                assertThat(project.register().body().path("code").asText()).isEqualTo(project.code()));
    }

    @Test
    void everyStepIsTakenByADemoUserWhoseRoleAndOrganisationMayTakeIt() {
        var refusals = new ArrayList<String>();
        for (ProjectSeed project : portfolio.projects()) {
            permissions.refusal(project, project.register()).ifPresent(r -> refusals.add(project.code() + " 0: " + r));
            for (int n = 1; n <= project.steps().size(); n++) {
                int step = n;
                permissions.refusal(project, project.steps().get(n - 1))
                        .ifPresent(r -> refusals.add(project.code() + " " + step + ": " + r));
            }
        }
        assertThat(refusals).isEmpty();
    }

    @Test
    void stepDatesAreInOrderWithinTheDemoPeriodAndAgreeWithTheBody() {
        for (ProjectSeed project : portfolio.projects()) {
            LocalDate previous = FIRST_DAY;
            for (Step step : allSteps(project)) {
                String where = project.code() + " " + step.post() + " of " + step.date();
                assertThat(step.date()).as(where).isNotNull().isAfterOrEqualTo(previous).isBeforeOrEqualTo(TODAY);
                for (String field : OCCURRENCE_DATES) {
                    if (step.body().has(field) && !step.post().isEmpty()) {
                        assertThat(step.body().path(field).asText()).as(where + " " + field)
                                .isEqualTo(step.date().toString());
                    }
                }
                previous = step.date();
            }
        }
    }

    @Test
    void paymentsGoToASupplierOfTheProjectUnlessThePayeeIndicatorIsTheExhibit() {
        for (ProjectSeed project : portfolio.projects()) {
            var suppliers = new HashSet<String>();
            for (Step step : project.steps()) {
                if (step.kind().equals("contracts")) {
                    suppliers.add(step.body().path("supplier").asText());
                }
                if (isPayment(step) && !project.expected().indicators().contains("R08")) {
                    assertThat(suppliers).as(project.code() + " " + step.body().path("id").asText())
                            .contains(step.body().path("payee").asText());
                }
            }
        }
    }

    @Test
    void noSupplierWinsThreeTimesFromOneBuyerExceptInTheRepeatWinnerExhibit() {
        var awards = new HashMap<String, List<String>>();
        for (ProjectSeed project : portfolio.projects()) {
            project.steps().stream().filter(s -> s.kind().equals("contracts")).forEach(award -> awards
                    .computeIfAbsent(award.body().path("supplier").asText() + " from " + project.ownerOrganisation(),
                            k -> new ArrayList<>()).add(project.code()));
        }
        awards.forEach((pair, projects) -> {
            if (projects.size() >= 3) {
                String third = projects.get(2);
                assertThat(expectedIndicators(third)).as(pair).contains("R15");
            }
        });
    }

    @Test
    void moneyIsWrittenAsExactDecimalStrings() {
        for (ProjectSeed project : portfolio.projects()) {
            for (Step step : allSteps(project)) {
                step.body().findParents("currency").forEach(money -> assertThat(money.path("amount").isTextual())
                        .as(project.code() + " " + step.post() + " " + money).isTrue());
            }
        }
    }

    @Test
    void theExpectedLevelsAddUpToThePortfolioOutcome() {
        Map<String, Integer> levels = new HashMap<>();
        portfolio.projects().forEach(p -> levels.merge(p.expected().level(), 1, Integer::sum));
        assertThat(levels).isEqualTo(portfolio.expected());
        assertThat(portfolio.projects()).filteredOn(p -> p.expected().level().equals("GREEN"))
                .allSatisfy(p -> assertThat(p.expected().indicators()).isEmpty());
    }

    private List<String> expectedIndicators(String code) {
        return portfolio.projects().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow()
                .expected().indicators();
    }

    private static boolean isPayment(Step step) {
        JsonNode body = step.body();
        return step.kind().equals("transactions") && "payment".equals(body.path("kind").asText());
    }

    private static List<Step> allSteps(ProjectSeed project) {
        var steps = new ArrayList<Step>();
        steps.add(project.register());
        steps.addAll(project.steps());
        return steps;
    }
}
