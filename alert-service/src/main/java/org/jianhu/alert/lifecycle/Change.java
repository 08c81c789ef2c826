package org.jianhu.alert.lifecycle;

/** An alert after a step, and the step as it goes on the timeline. */
public record Change(Alert after, Step step, Actor actor, String comment) {
}
