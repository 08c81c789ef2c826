package org.jianhu.project.relay;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Where the relay stands: the token row {@value #NAME}/0 of Axon's token store, the row the relay kept as a tracking
 * processor, so an upgraded deployment goes on where it stopped instead of sending the history again. The row's
 * claim makes one instance the relay, as before (another takes over once the claim is {@code
 * axon.eventhandling.tokenstore.claim-timeout} old). Each call is a transaction of its own, a few milliseconds long:
 * none is ever open while the relay waits on the broker.
 */
class RelayPosition {

    static final String NAME = "rabbit-relay";
    private static final int SEGMENT = 0;

    private final TokenStore tokens;
    private final TransactionTemplate transaction;
    private final Supplier<TrackingToken> tail;

    RelayPosition(TokenStore tokens, TransactionTemplate transaction, Supplier<TrackingToken> tail) {
        this.tokens = tokens;
        this.transaction = transaction;
        this.tail = tail;
    }

    /**
     * Claims the row for this instance (made at the tail, before every event, the first time) and answers the last
     * position the broker confirmed; {@code UnableToClaimTokenException} while another instance holds it.
     */
    TrackingToken claim() {
        return transaction.execute(status -> {
            if (tokens.fetchSegments(NAME).length == 0) {
                tokens.initializeTokenSegments(NAME, 1, tail.get());
            }
            return tokens.fetchToken(NAME, SEGMENT);
        });
    }

    /** Only once the broker confirmed everything up to {@code confirmed}; renews the claim too. */
    void moveTo(TrackingToken confirmed) {
        transaction.executeWithoutResult(status -> tokens.storeToken(confirmed, NAME, SEGMENT));
    }

    void keepClaim() {
        transaction.executeWithoutResult(status -> tokens.extendClaim(NAME, SEGMENT));
    }

    void release() {
        transaction.executeWithoutResult(status -> tokens.releaseClaim(NAME, SEGMENT));
    }
}
