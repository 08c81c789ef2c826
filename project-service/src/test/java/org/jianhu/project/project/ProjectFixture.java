package org.jianhu.project.project;

import org.jianhu.contracts.common.BusinessCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.jianhu.project.directory.Account;
import org.jianhu.project.directory.AccountDirectory;
import org.jianhu.project.project.RejectedCommand.Reason;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The project aggregate under test, and matchers for why it rejected a command. A command sent
 * without an actor is sent by the one entitled to it — an admin for administration, an owner of the
 * project's organisation for facts — so that tests of what a command records need not say who sent
 * it; the tests of who may send what name their actor. The project is given a directory of {@link #ACCOUNTS}.
 */
final class ProjectFixture {

    private ProjectFixture() {
    }

    static final Actor ADMIN = new Actor("admin-chen", Actor.ADMIN, null, null);
    static final Actor OWNER = new Actor("owner-wang", Actor.OWNER, ProjectEvents.OWNER, null);
    /** The supervisors the tests name, and one account that is no supervisor (the owner's). */
    static final AccountDirectory ACCOUNTS = new AccountDirectory(List.of(
            supervisor("li.ming"), supervisor("wang.fang"), supervisor("zhao.lei"), supervisor("qian.hui"),
            new Account(OWNER.user(), "Wang Hao", Actor.OWNER, ProjectEvents.OWNER, "330109")));

    /** The fixtures' today: 2 December 2026 in Asia/Shanghai. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), BusinessCalendar.ZONE);

    static FixtureConfiguration<Project> project() {
        return project(TODAY);
    }

    /** The project's fixture on the day {@code clock} says. */
    static FixtureConfiguration<Project> project(Clock clock) {
        FixtureConfiguration<Project> fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerInjectableResource(ACCOUNTS);
        fixture.registerInjectableResource(clock);
        fixture.registerCommandDispatchInterceptor(commands -> (index, command) ->
                Actor.fromMetadata(command.getMetaData()).role() != null ? command
                        : command.andMetaData(entitledTo(command.getPayload()).asMetadata()));
        // Milestone, contract and inspection states have no value equality, so the fixture's check that the
        // handled aggregate equals the one sourced from its events would fail on any map holding them.
        fixture.registerIgnoredField(ProjectState.class, "milestones");
        fixture.registerIgnoredField(ProjectState.class, "contracts");
        fixture.registerIgnoredField(ProjectState.class, "inspections");
        return fixture;
    }

    static Map<String, String> by(Actor actor) {
        return actor.asMetadata();
    }

    private static Account supervisor(String id) {
        return new Account(id, id, Actor.SUPERVISOR, "supervision-office", "330109");
    }

    private static Actor entitledTo(Object command) {
        return command instanceof ProjectAdministration ? ADMIN : OWNER;
    }

    static Matcher<RejectedCommand> rejectedAs(Reason reason) {
        return rejection(reason, null);
    }

    static Matcher<RejectedCommand> invalid(String field) {
        return rejection(Reason.INVALID, field);
    }

    /** Invalid on the field: a date of something that happened, {@code date}, lies after {@link #TODAY}. */
    static Matcher<RejectedCommand> inTheFuture(String field, LocalDate date) {
        return invalid(field, field + " is in the future: " + date + " is after today, 2026-12-02");
    }

    /** Invalid on the field, saying so in these words. */
    static Matcher<RejectedCommand> invalid(String field, String message) {
        return rejection(Reason.INVALID, field, message);
    }

    private static Matcher<RejectedCommand> rejection(Reason reason, String field) {
        return rejection(reason, field, null);
    }

    private static Matcher<RejectedCommand> rejection(Reason reason, String field, String message) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(RejectedCommand rejected, Description mismatch) {
                mismatch.appendText("rejected as ").appendValue(rejected.reason())
                        .appendText(" on field ").appendValue(rejected.field())
                        .appendText(": ").appendText(rejected.getMessage());
                return rejected.reason() == reason && Objects.equals(rejected.field(), field)
                        && (message == null || message.equals(rejected.getMessage()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a command rejected as ").appendValue(reason);
                if (field != null) {
                    description.appendText(" on field ").appendValue(field);
                }
                if (message != null) {
                    description.appendText(": ").appendText(message);
                }
            }
        };
    }
}
