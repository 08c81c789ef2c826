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
    private static final List<String> OCCURRENCE_DATES = List.of("date", "dateMet", "approvalDate", "endDate",
            "dateSigned");
    private static final List<String> PARTIES = List.of("supplier", "payer", "payee", "inspector");
    /** GB 32100-2015: the 18 characters of a unified social credit code and the weights of its check. */
    private static final String USCC_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

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
                        if (lateOnPurpose(project, step)) {
                            // the R18 exhibit: entered on the step's day, weeks after it took place
                            assertThat(LocalDate.parse(step.body().path(field).asText())).as(where + " " + field)
                                    .isBefore(step.date().minusDays(15));
                        } else {
                            assertThat(step.body().path(field).asText()).as(where + " " + field)
                                    .isEqualTo(step.date().toString());
                        }
                    }
                }
                previous = step.date();
            }
        }
    }

    /** The one step recorded late in the story: the last inspection of the project that exhibits R18. */
    private static boolean lateOnPurpose(ProjectSeed project, Step step) {
        List<Step> steps = project.steps();
        return project.expected().indicators().contains("R18") && step == steps.get(steps.size() - 1)
                && step.post().equals("inspections");
    }

    @Test
    void paymentsGoToASupplierOfTheProjectUnlessThePayeeIndicatorIsTheExhibit() {
        for (ProjectSeed project : portfolio.projects()) {
            var suppliers = new HashSet<String>();
            for (Step step : project.steps()) {
                if (step.kind().equals("contracts")) {
                    suppliers.add(step.body().path("supplier").path("id").asText());
                }
                if (isPayment(step) && !project.expected().indicators().contains("R08")) {
                    assertThat(suppliers).as(project.code() + " " + step.body().path("id").asText())
                            .contains(step.body().path("payee").path("id").asText());
                }
            }
        }
    }

    @Test
    void noSupplierWinsThreeTimesFromOneBuyerExceptInTheRepeatWinnerExhibit() {
        var awards = new HashMap<String, List<String>>();
        for (ProjectSeed project : portfolio.projects()) {
            project.steps().stream().filter(s -> s.kind().equals("contracts")).forEach(award -> awards
                    .computeIfAbsent(award.body().path("supplier").path("id").asText() + " from "
                            + project.ownerOrganisation(),
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
    void everyAwardIsSignedOnTheDayOfItsStep() {
        for (ProjectSeed project : portfolio.projects()) {
            project.steps().stream().filter(step -> step.kind().equals("contracts")).forEach(award ->
                    assertThat(award.body().path("dateSigned").asText())
                            .as(project.code() + " " + award.body().path("id").asText())
                            .isEqualTo(award.date().toString()));
        }
    }

    @Test
    void everyPartyIsAnOrganisationWithAUnifiedSocialCreditCodeAndOneNameEverywhere() {
        var names = new HashMap<String, String>();
        for (ProjectSeed project : portfolio.projects()) {
            for (Step step : project.steps()) {
                for (String role : PARTIES) {
                    JsonNode party = step.body().path(role);
                    if (party.isMissingNode()) {
                        continue;
                    }
                    String where = project.code() + " " + step.post() + " of " + step.date() + " " + role;
                    assertThat(party.isObject()).as(where + " is {id, name}").isTrue();
                    assertThat(party.size()).as(where).isEqualTo(2);
                    String id = party.path("id").asText();
                    assertThat(id).as(where).matches("CN-USCC-[0-9A-HJ-NPQRTUWXY]{18}");
                    assertThat(id.charAt(id.length() - 1)).as(where + " check character")
                            .isEqualTo(usccCheck(id.substring("CN-USCC-".length(), id.length() - 1)));
                    assertThat(party.path("name").asText()).as(where).isNotBlank();
                    String earlier = names.putIfAbsent(id, party.path("name").asText());
                    assertThat(earlier == null ? party.path("name").asText() : earlier).as(where + " named as before")
                            .isEqualTo(party.path("name").asText());
                }
            }
        }
        assertThat(names).hasSizeGreaterThan(30);
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

    private static char usccCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < first17.length(); i++) {
            sum += USCC_CHARACTERS.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
        }
        return USCC_CHARACTERS.charAt((31 - sum % 31) % 31);
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
