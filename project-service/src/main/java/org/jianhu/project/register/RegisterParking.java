package org.jianhu.project.register;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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

/**
 * What the register ({@code project-listing}) does with an event it cannot apply: it parks the event's project,
 * passes over the project's later events, and goes on with every other project at once, where it used to retry
 * the batch forever. A failure that is the world's (the database away) is retried as before, however long it
 * takes; one that is the event's counts, and its project is parked after {@code jianhu.register.poison-attempts}
 * of them. An admin retries a parked project ({@link CatchingUp}).
 *
 * <p>Each event is applied in a savepoint: a statement PostgreSQL refused would otherwise leave the batch's
 * transaction unusable, for the parking and for every other project in the batch.
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

    private final ParkedProjects parked;
    private final PoisonJudge judge;
    private final PlatformTransactionManager transactions;
    private final JdbcTemplate jdbc;

    public RegisterParking(ParkedProjects parked, PlatformTransactionManager transactions, JdbcTemplate jdbc,
                           @Value("${jianhu.register.poison-attempts}") int attempts) {
        this.parked = parked;
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
            park(projectId, positionOf(event), event.getIdentifier(), failure);
            return null;
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

    private static long positionOf(EventMessage<?> event) {
        return event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(-1) : -1;
    }
}
