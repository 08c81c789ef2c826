package org.jianhu.eventstore.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.util.List;
import java.util.stream.LongStream;

/** Domain events of a toy account aggregate. */
public final class Events {

    public static final String AGGREGATE_TYPE = "Account";

    private Events() {
    }

    public static DomainEventMessage<FundsMoved> fundsMoved(String account, long sequence) {
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, account, sequence,
                                               new FundsMoved(account, 100 + sequence));
    }

    public static List<DomainEventMessage<FundsMoved>> fundsMoved(String account, long firstSequence, int count) {
        return LongStream.range(firstSequence, firstSequence + count)
                         .mapToObj(sequence -> fundsMoved(account, sequence))
                         .toList();
    }

    public record FundsMoved(String account, long amountFen) {
    }

    public record AccountSnapshot(String account, long balanceFen) {
    }
}
