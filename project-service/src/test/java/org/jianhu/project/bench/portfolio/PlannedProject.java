package org.jianhu.project.bench.portfolio;

import org.jianhu.project.project.Actor;

import java.time.LocalDate;
import java.util.List;

/**
 * One generated project: its identity, the risk its facts were made to carry, and its commands in the order they
 * are sent, each with the business date it happened on (or was decided) and the actor who sends it. Every command
 * records exactly one event, so a project whose record holds n events has had its first n commands recorded.
 */
record PlannedProject(int index, String projectId, String code, String region, String ownerOrganisation,
                      Risk risk, List<Planned> commands) {

    enum Risk { GREEN, YELLOW, RED }

    /** A command, on the business date it happened (for a plan: was made), sent by {@code actor}. */
    record Planned(LocalDate date, Actor actor, Object command) {
    }
}
