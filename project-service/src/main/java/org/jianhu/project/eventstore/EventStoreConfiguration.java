package org.jianhu.project.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.jianhu.eventstore.health.EventStoreHealthIndicator;
import org.jianhu.eventstore.lag.EventStoreLag;
import org.jianhu.eventstore.lag.EventStoreLagMetrics;
import org.springframework.beans.factory.annotation.Qualifier;

import javax.sql.DataSource;
import java.time.Duration;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.jianhu.project.project.ProjectCodes;
import org.jianhu.project.project.ProjectListing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon on PostgreSQL without Axon Server: the commit-ordered storage engine over Flyway-made tables
 * (bytea payloads), snapshots for long histories and the metadata every event carries.
 */
@Configuration
public class EventStoreConfiguration {

    /**
     * Events are read in transaction order behind the oldest open transaction of this database, so no tracking
     * reader (the relay first of all) can ever skip an event that commits late; see the event-store
     * module. Declaring it makes Axon's stock JDBC engine step aside. A snapshot it cannot read is
     * passed over ({@link SnapshotTolerantStorageEngine}); one of another revision of the aggregate
     * ({@code @Revision} on {@code Project}) is left out by Axon's snapshot filter.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Serializer serializer,
                                                 org.axonframework.config.Configuration axon) {
        return SnapshotTolerantStorageEngine.tolerantBuilder()
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .build();
    }

    /**
     * Events, snapshots and tokens in JSON read with limits set on purpose ({@link StoredJson}). Axon's own
     * serializer would share the service's mapper and Jackson's default limits; as the general serializer this one
     * also serves for messages and events (axon.serializer.* are all jackson).
     */
    @Bean
    @Primary
    public Serializer serializer(ObjectMapper objectMapper, RevisionResolver revisionResolver) {
        return JacksonSerializer.builder()
                .objectMapper(StoredJson.mapper(objectMapper))
                .revisionResolver(revisionResolver)
                .build();
    }

    /**
     * What the relay and the listing read (their {@code source}): the store in batches that grow with the load, woken
     * by this service's commits (each publication of events is one), gathering {@code jianhu.following.gather} at
     * least between reads while busy, polling every {@code jianhu.following.poll} for other instances' commits.
     */
    @Bean
    public FollowingEvents followingEvents(EventStorageEngine eventStorageEngine, EventStore eventStore,
                                           @Value("${jianhu.following.gather:25ms}") Duration gather,
                                           @Value("${jianhu.following.poll:500ms}") Duration poll) {
        FollowingEvents following = new FollowingEvents(eventStorageEngine, gather, poll);
        eventStore.subscribe(published -> following.afterCommit());
        return following;
    }

    @Bean
    public EventStoreLag eventStoreLag(DataSource dataSource) {
        return new EventStoreLag(dataSource);
    }

    @Bean
    public EventStoreLagMetrics eventStoreLagMetrics(EventStoreLag eventStoreLag) {
        return new EventStoreLagMetrics(eventStoreLag);
    }

    @Bean("eventStore")
    public EventStoreHealthIndicator eventStoreHealth(EventStoreLag eventStoreLag) {
        return new EventStoreHealthIndicator(eventStoreLag);
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public SnapshotTriggerDefinition projectSnapshotTrigger(Snapshotter snapshotter,
                                                            @Value("${jianhu.snapshot-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** Projects hot in a burst of writes stay loaded; optimistic concurrency guards other instances. */
    @Bean
    public Cache projectCache() {
        return new WeakReferenceCache();
    }

    /**
     * Who acted, in which role and organisation, and the request's correlation id go onto every event.
     * Replaces Axon's default provider, which would overwrite the correlation id with the message id.
     */
    @Bean
    public CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider("actorUser", "actorRole", "actorOrganisation", "correlationId");
    }

    /**
     * A code already taken must fail the registration (it is the same transaction), and the
     * listing may not advance past an event it failed on; Axon's default would log and
     * go on. (The listing's failures reach its parking, which parks the project of an event that
     * cannot be applied and lets the others go on.)
     */
    @Bean
    public ConfigurerModule propagateHandlerFailures() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(ProjectCodes.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(ProjectListing.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance()));
    }
}
