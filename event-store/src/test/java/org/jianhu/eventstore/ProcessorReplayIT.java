package org.jianhu.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.jianhu.eventstore.support.TestDatabase;
import org.jianhu.eventstore.token.CommitOrderToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.eventstore.support.Events.fundsMoved;

class ProcessorReplayIT {

    private static final String PROCESSOR = "funds-projection";

    private TestDatabase database;
    private EmbeddedEventStore eventStore;
    private JdbcTokenStore tokenStore;
    private ScheduledExecutorService coordinator;
    private ScheduledExecutorService workers;
    private final Queue<Handled> handled = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void createStoreAndProcessor() {
        database = TestDatabase.create("processor_replay");
        eventStore = EmbeddedEventStore.builder()
                                       .storageEngine(database.commitOrderedEngine().batchSize(20).build())
                                       .fetchDelay(50)
                                       .build();
        tokenStore = JdbcTokenStore.builder()
                                   .connectionProvider(database.connections())
                                   .serializer(JacksonSerializer.defaultSerializer())
                                   .contentType(byte[].class)
                                   .build();
        database.transactions().executeWithoutResult(status -> tokenStore.createSchema(PostgresTokenTableFactory.INSTANCE));
        coordinator = Executors.newSingleThreadScheduledExecutor();
        workers = Executors.newScheduledThreadPool(2);
    }

    @AfterEach
    void stop() {
        eventStore.shutDown();
        coordinator.shutdownNow();
        workers.shutdownNow();
        database.close();
    }

    @Test
    void eventsStoredBeforeTheProcessorStartedCountAsReplayAsAxonDefines() {
        List<String> accounts = accounts();
        accounts.forEach(account -> eventStore.publish(fundsMoved(account, 0, 4)));
        PooledStreamingEventProcessor processor = processor();

        processor.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() >= 48);
        accounts.forEach(account -> eventStore.publish(fundsMoved(account, 4, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() >= 60);
        stopped(processor);

        assertThat(timesEachEventWasHandled()).hasSize(60).allSatisfy((id, times) -> assertThat(times).isEqualTo(1L));
        assertThat(handled.stream().filter(Handled::replay)).hasSize(48).allMatch(event -> event.sequence() < 4);
        assertThat(handled).anyMatch(event -> inSegment(event, 0)).anyMatch(event -> inSegment(event, 1));
        assertThat(storedTokenTypes()).hasSize(2).containsOnly(CommitOrderToken.class.getName());
    }

    @Test
    void resetTokensReplaysEveryEventOnceAcrossTwoSegments() {
        List<String> accounts = accounts();
        accounts.forEach(account -> eventStore.publish(fundsMoved(account, 0, 5)));
        PooledStreamingEventProcessor processor = processor();
        processor.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() >= 60);
        stopped(processor);
        handled.clear();

        processor.resetTokens();
        processor.start();
        accounts.forEach(account -> eventStore.publish(fundsMoved(account, 5, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() >= 72);
        stopped(processor);

        assertThat(timesEachEventWasHandled()).hasSize(72).allSatisfy((id, times) -> assertThat(times).isEqualTo(1L));
        assertThat(handled.stream().filter(Handled::replay)).hasSize(60).allMatch(event -> event.sequence() < 5);
        assertThat(handled.stream().filter(event -> !event.replay())).hasSize(12).allMatch(event -> event.sequence() == 5);
        assertThat(tokenStore.fetchToken(PROCESSOR, 0)).isInstanceOf(CommitOrderToken.class);
        assertThat(tokenStore.fetchToken(PROCESSOR, 1)).isInstanceOf(CommitOrderToken.class);
    }

    private static List<String> accounts() {
        return IntStream.range(0, 12).mapToObj(i -> "acc-" + i).toList();
    }

    private PooledStreamingEventProcessor processor() {
        EventMessageHandler recorder = this::record;
        return PooledStreamingEventProcessor.builder()
                                            .name(PROCESSOR)
                                            .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                                                                                          .eventHandlers(recorder)
                                                                                          .build())
                                            .messageSource(eventStore)
                                            .tokenStore(tokenStore)
                                            .transactionManager(database.axonTransactions())
                                            .coordinatorExecutor(coordinator)
                                            .workerExecutor(workers)
                                            .initialSegmentCount(2)
                                            .batchSize(10)
                                            .tokenClaimInterval(200)
                                            .build();
    }

    private Object record(EventMessage<?> event) {
        DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) event;
        handled.add(new Handled(event.getIdentifier(), domainEvent.getAggregateIdentifier(),
                                domainEvent.getSequenceNumber(), ReplayToken.isReplay(event)));
        return null;
    }

    private static void stopped(PooledStreamingEventProcessor processor) {
        processor.shutdownAsync().join();
    }

    private Map<String, Long> timesEachEventWasHandled() {
        return handled.stream().collect(Collectors.groupingBy(Handled::eventId, Collectors.counting()));
    }

    private static boolean inSegment(Handled event, int segmentId) {
        // The default sequencing policy keeps an aggregate's events in one segment, chosen by its id.
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        return halves[segmentId].matches(event.account());
    }

    private List<String> storedTokenTypes() {
        return database.jdbc().queryForList("SELECT tokenType FROM TokenEntry WHERE processorName = ?",
                                            String.class, PROCESSOR);
    }

    private record Handled(String eventId, String account, long sequence, boolean replay) {
    }

}
