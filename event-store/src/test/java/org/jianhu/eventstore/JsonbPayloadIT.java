package org.jianhu.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.jianhu.eventstore.support.Events.FundsMoved;
import org.jianhu.eventstore.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.eventstore.support.Events.fundsMoved;

class JsonbPayloadIT {

    private static TestDatabase database;
    private static CommitOrderedEventStorageEngine engine;

    @BeforeAll
    static void createStoreWithJsonbColumns() {
        database = TestDatabase.create("jsonb_payload");
        for (String table : List.of("domain_event_entry", "snapshot_event_entry")) {
            database.jdbc().execute("ALTER TABLE " + table + " ALTER COLUMN payload TYPE jsonb USING convert_from(payload, 'UTF8')::jsonb,"
                                            + " ALTER COLUMN meta_data TYPE jsonb USING convert_from(meta_data, 'UTF8')::jsonb");
        }
        engine = database.commitOrderedEngine().payloadColumnType(PayloadColumnType.JSONB).build();
    }

    @AfterAll
    static void dropStore() {
        database.close();
    }

    @Test
    void payloadsAreStoredAsQueryableJsonAndReadBack() {
        engine.appendEvents(fundsMoved("acc-json", 0, 2));

        List<? extends DomainEventMessage<?>> loaded = engine.readEvents("acc-json").asStream().toList();
        List<? extends TrackedEventMessage<?>> tracked = engine.readEvents(engine.createTailToken(), false).toList();

        assertThat(loaded.stream().map(event -> (Object) event.getPayload()))
                          .containsExactly(new FundsMoved("acc-json", 100), new FundsMoved("acc-json", 101));
        assertThat(tracked.stream().map(event -> (Object) event.getPayload()))
                           .containsExactly(new FundsMoved("acc-json", 100), new FundsMoved("acc-json", 101));
        assertThat(database.jdbc().queryForList(
                "SELECT payload ->> 'amountFen' FROM domain_event_entry ORDER BY sequence_number", String.class))
                .containsExactly("100", "101");
    }
}
