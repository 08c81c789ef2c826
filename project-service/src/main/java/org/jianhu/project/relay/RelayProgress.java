package org.jianhu.project.relay;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.jianhu.eventstore.token.CommitOrderToken;

import java.util.Optional;

/** What the relay last did, for {@link RelayStatus}: the position the broker confirmed, the failure it is in. */
class RelayProgress {

    private volatile CommitOrderToken confirmed;
    private volatile String failure;
    private volatile boolean caughtUp;

    void claimed(TrackingToken position) {
        confirmed = commitOrder(position);
    }

    void confirmed(TrackingToken position) {
        confirmed = commitOrder(position);
        failure = null;
        caughtUp = false;
    }

    /** It found nothing more to send. */
    void idle() {
        failure = null;
        caughtUp = true;
    }

    void failed(RuntimeException cause) {
        caughtUp = false;
        failure = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Another instance holds the relay: this one knows no position of its own. */
    void notClaimed() {
        confirmed = null;
        failure = null;
    }

    boolean caughtUp() {
        return caughtUp;
    }

    Optional<CommitOrderToken> confirmed() {
        return Optional.ofNullable(confirmed);
    }

    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private static CommitOrderToken commitOrder(TrackingToken position) {
        TrackingToken plain = WrappedToken.unwrapLowerBound(position);
        return plain instanceof CommitOrderToken commitOrder ? commitOrder : CommitOrderToken.BEFORE_ALL;
    }
}
