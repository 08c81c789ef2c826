package org.jianhu.project.register;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jianhu.project.project.ProjectListing;
import org.jianhu.servicesupport.parking.ParkedProject;
import org.jianhu.servicesupport.parking.ParkedProjects;
import org.jianhu.servicesupport.parking.PoisonJudge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the register ({@code project-listing}) does with an event it cannot apply: it parks the event's project,
 * passes over the project's later events, and goes on with every other project at once, where it used to retry
 * the batch forever. A failure that is the world's (the database away) is retried as before, however long it
 * takes; one that is the event's counts, and its project is parked after {@code jianhu.register.poison-attempts}
 * of them. An admin retries a parked project ({@link CatchingUp}).
 *
 * <p>A batch is first applied together, rows read and written once ({@code ProjectListingBatch}); should that fail,
 * the processor retries it event by event, each event in a savepoint: a statement PostgreSQL refused would otherwise
 * leave the batch's transaction unusable, for the parking and for every other project in the batch.
 */
@Component
public class RegisterParking implements MessageHandlerInterceptor<EventMessage<?>> {

    public static final String CONSUMER = "register";

    private static final Logger log = LoggerFactory.getLogger(RegisterParking.class);
    private static final TransactionDefinition SAVEPOINT =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
    /** The first key of the register's advisory locks; the second is the project's. */
    private static final int LOCKS = 1_764_613;
    private static final ResultSetExtractor<Void> NOTHING = result -> null;

    private static final String TOGETHER = RegisterParking.class.getName() + ".together";

    private final ParkedProjects parked;
    private final PoisonJudge judge;
    private final ProjectListing listing;
    /** Batches that reach back to this event (one failed at it) are applied event by event. */
    private volatile TrackingToken eventByEventUntil;
    private final PlatformTransactionManager transactions;
    private final JdbcTemplate jdbc;

    public RegisterParking(ParkedProjects parked, PlatformTransactionManager transactions, JdbcTemplate jdbc,
                           ProjectListing listing, @Value("${jianhu.register.poison-attempts}") int attempts) {
        this.parked = parked;
        this.listing = listing;
        this.judge = new PoisonJudge(attempts);
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (!(unitOfWork.getMessage() instanceof DomainEventMessage<?> event)) {
            return chain.proceed();
        }
        String projectId = event.getAggregateIdentifier();
        Optional<Together> together = unitOfWork instanceof BatchingUnitOfWork<?> batch
                ? togetherIn(batch) : Optional.empty();
        if (together.isPresent()) {
            return together.get().handle(event, projectId, chain);
        }
        if (waitsForRetry(projectId)) {
            return null;
        }
        try {
            Object applied = inSavepoint(chain);
            judge.succeeded(event.getIdentifier());
            return applied;
        } catch (Exception failure) {
            if (!judge.isPoison(event.getIdentifier(), failure)) {
                throw failure;
            }
            park(projectId, globalPositionOf(event), event.getIdentifier(), failure);
            return null;
        }
    }

    /** Decided once per batch, at its first event (not in a compute of the resources: opening the batch adds one). */
    private Optional<Together> togetherIn(BatchingUnitOfWork<?> batch) {
        Optional<Together> together = batch.getResource(TOGETHER);
        if (together == null) {
            together = begin(batch);
            batch.resources().put(TOGETHER, together);
        }
        return together;
    }

    /**
     * A batch is applied together ({@code ProjectListingBatch}: each row read once, written once), unless it reaches
     * back to an event that failed so: then event by event, each in a savepoint, as a batch always was, where a
     * failure is judged and may park its project. A batch applied together has no savepoints, so a failure there
     * cannot park anything (the database may have refused the transaction); it fails the batch, which the processor
     * retries event by event. That costs a poison event one attempt more than {@code jianhu.register.poison-attempts}.
     */
    private Optional<Together> begin(BatchingUnitOfWork<?> batch) {
        List<? extends Message<?>> events = batch.getMessages();
        TrackingToken first = positionOf(events.get(0));
        TrackingToken last = positionOf(events.get(events.size() - 1));
        TrackingToken failedAt = eventByEventUntil;
        if (first == null || last == null || failedAt != null && failedAt.covers(first)) {
            batch.afterCommit(committed -> {
                if (last != null && last.covers(eventByEventUntil)) {
                    eventByEventUntil = null;
                }
            });
            return Optional.empty();
        }
        listing.openBatch(batch, () -> eventByEventUntil = last);
        return Optional.of(new Together());
    }

    /** A batch applied together: who waits for a retry is asked once per project and batch. */
    private final class Together {

        private final Map<String, Boolean> waiting = new HashMap<>();

        Object handle(DomainEventMessage<?> event, String projectId, InterceptorChain chain) throws Exception {
            if (waiting.computeIfAbsent(projectId, RegisterParking.this::waitsForRetry)) {
                return null;
            }
            try {
                return chain.proceed();
            } catch (Exception | Error failure) {
                eventByEventUntil = positionOf(event);
                throw failure;
            }
        }
    }

    /**
     * Until the project's turn, the other side may change it: a retry may be releasing the project right now, so a
     * parked project is asked again under its lock.
     */
    private boolean waitsForRetry(String projectId) {
        if (!parked.isParked(CONSUMER, projectId)) {
            return false;
        }
        lock(projectId);
        return parked.isParked(CONSUMER, projectId);
    }

    /** Releases the project for a retry to list it anew, under its lock; false when it was not parked. */
    boolean release(String projectId) {
        lock(projectId);
        return parked.release(CONSUMER, projectId);
    }

    /** Parks the project again, at the event that still cannot be applied, and answers how it stands now. */
    ParkedProject parkAgain(String projectId, long position, String eventId, Throwable failure) {
        park(projectId, position, eventId, failure);
        return parked.find(CONSUMER, projectId).orElseThrow();
    }

    /**
     * Holds the project's place in the register until the transaction ends. The processor passing over an event of
     * a parked project and a retry rebuilding it take turns, so an event is either in the rebuild or applied after
     * it, never in neither; one in both is applied once (every update is guarded by the sequence number).
     */
    private void lock(String projectId) {
        jdbc.query("SELECT pg_advisory_xact_lock(?, hashtext(?))", NOTHING, LOCKS, projectId);
    }

    private void park(String projectId, long position, String eventId, Throwable failure) {
        String reason = reasonOf(failure);
        if (parked.park(CONSUMER, projectId, position, eventId, reason)) {
            log.warn("The register parked project {} at event {} (position {}); its other events wait for a retry: {}",
                    projectId, eventId, position, reason, failure);
        }
    }

    private Object inSavepoint(InterceptorChain chain) throws Exception {
        TransactionStatus savepoint = transactions.getTransaction(SAVEPOINT);
        Object applied;
        try {
            applied = chain.proceed();
        } catch (Exception | Error failure) {
            try {
                transactions.rollback(savepoint);
            } catch (RuntimeException alsoFailed) {
                failure.addSuppressed(alsoFailed);
            }
            throw failure;
        }
        transactions.commit(savepoint);
        return applied;
    }

    /** The innermost cause says what was wrong with the event; the wrappers only where it was noticed. */
    private static String reasonOf(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static TrackingToken positionOf(Message<?> event) {
        return event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? WrappedToken.unwrapLowerBound(tracked.trackingToken()) : null;
    }

    private static long globalPositionOf(EventMessage<?> event) {
        return event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(-1) : -1;
    }
}
