package org.jianhu.seeds;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records the portfolio through the gateway, project by project and step by step, in file order.
 * Every call carries the step's own Idempotency-Key, so a step recorded before is answered from the
 * project service's store and nothing is recorded twice.
 */
public class PortfolioLoading {

    /** A project as recorded: its id and its version after its last step. */
    public record LoadedProject(ProjectSeed seed, String projectId, long version) {
    }

    public record Loaded(List<LoadedProject> projects, int applied, int alreadyThere) {
    }

    private static final String DUPLICATE_CODE = "urn:jianhu:problem:duplicate-code";
    private static final String KEY_REUSED = "urn:jianhu:problem:idempotency-key-reused";
    private static final int LISTING_ATTEMPTS = 20;

    private final Gateway gateway;
    private final Permissions permissions;
    private int applied;
    private int alreadyThere;
    private LocalDate designedFor;

    public PortfolioLoading(Gateway gateway, Permissions permissions) {
        this.gateway = gateway;
        this.permissions = permissions;
    }

    public Loaded load(Portfolio portfolio) {
        designedFor = portfolio.designedFor();
        portfolio.projects().forEach(this::checkPermissions);
        var loaded = new ArrayList<LoadedProject>();
        for (ProjectSeed project : portfolio.projects()) {
            loaded.add(load(project));
        }
        return new Loaded(loaded, applied, alreadyThere);
    }

    private void checkPermissions(ProjectSeed project) {
        checkPermission(project, 0, project.register());
        for (int n = 1; n <= project.steps().size(); n++) {
            checkPermission(project, n, project.steps().get(n - 1));
        }
    }

    private void checkPermission(ProjectSeed project, int stepNumber, Step step) {
        permissions.refusal(project, step).ifPresent(reason -> {
            throw new SeedFailure(where(project, stepNumber, step) + ": " + reason);
        });
    }

    private LoadedProject load(ProjectSeed project) {
        StoryCalendar calendar = StoryCalendar.endingOn(LocalDate.now(Portfolio.ZONE), designedFor);
        String projectId = register(project, calendar);
        if (projectId == null) {
            // registered before, maybe on another day: its steps go on with the calendar it was loaded with
            projectId = registeredId(project, project.register().as());
            calendar = calendarLoadedWith(project, projectId, calendar);
        }
        long version = 0;
        for (int n = 1; n <= project.steps().size(); n++) {
            Step step = project.steps().get(n - 1);
            Gateway.Answer answer = gateway.post(step.as(), "/api/projects/" + projectId + "/" + step.post(),
                    project.idempotencyKey(n), calendar.move(step.body()));
            if (!answer.ok()) {
                throw failure(project, n, step, answer);
            }
            count(answer);
            version = answer.body().path("version").asLong(version);
        }
        return new LoadedProject(project, projectId, version);
    }

    /** The new project's id, or null when it was registered before (by an earlier load or by hand). */
    private String register(ProjectSeed project, StoryCalendar calendar) {
        Step registration = project.register();
        Gateway.Answer answer = gateway.post(registration.as(), "/api/projects", project.idempotencyKey(0),
                calendar.move(registration.body()));
        if (answer.ok()) {
            count(answer);
            return answer.body().path("projectId").asText();
        }
        String problem = answer.body() == null ? "" : answer.body().path("type").asText();
        if ((answer.status() == 409 && DUPLICATE_CODE.equals(problem))
                || (answer.status() == 422 && KEY_REUSED.equals(problem))) {
            alreadyThere++;
            return null;
        }
        throw failure(project, 0, registration, answer);
    }

    /** Reads the shift off the registered planned start, which the seed gives as designed. */
    private StoryCalendar calendarLoadedWith(ProjectSeed project, String projectId, StoryCalendar today) {
        String designedStart = project.register().body().path("plannedPeriod").path("startDate").asText("");
        if (designedStart.isEmpty()) {
            return today;
        }
        Gateway.Answer registered = gateway.get(project.register().as(), "/api/projects/" + projectId);
        String recordedStart = registered.ok() ? registered.body().path("plannedPeriod").path("startDate").asText("") : "";
        if (recordedStart.isEmpty()) {
            throw new SeedFailure(project.code() + ": cannot read its planned start to continue its story: "
                    + registered.status() + " " + registered.text());
        }
        return StoryCalendar.recordedAs(LocalDate.parse(recordedStart), LocalDate.parse(designedStart));
    }

    private String registeredId(ProjectSeed project, String user) {
        for (int attempt = 0; attempt < LISTING_ATTEMPTS; attempt++) {
            Optional<String> found = findInListing(project.code(), user);
            if (found.isPresent()) {
                return found.get();
            }
            // the register is a projection that follows the record within moments
            Gateway.pause(Duration.ofMillis(500));
        }
        throw new SeedFailure(project.code() + ": the code is registered, but the register does not list it");
    }

    private Optional<String> findInListing(String code, String user) {
        return gateway.everyItem(user, "/api/projects").stream().filter(item -> code.equals(item.path("code").asText()))
                .map(item -> item.path("projectId").asText()).findFirst();
    }

    private void count(Gateway.Answer answer) {
        if (answer.replayed()) {
            alreadyThere++;
        } else {
            applied++;
        }
    }

    private static SeedFailure failure(ProjectSeed project, int stepNumber, Step step, Gateway.Answer answer) {
        return new SeedFailure(where(project, stepNumber, step) + " was refused: HTTP " + answer.status() + " "
                + answer.text());
    }

    private static String where(ProjectSeed project, int stepNumber, Step step) {
        return "project " + project.code() + ", step " + stepNumber + " (" + step.as() + " "
                + (step.post().isEmpty() ? "registration" : "POST " + step.post()) + " of " + step.date() + ")";
    }
}
