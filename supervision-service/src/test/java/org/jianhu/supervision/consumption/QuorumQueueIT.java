package org.jianhu.supervision.consumption;

import org.jianhu.supervision.support.SupervisionIT;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.supervision.support.ProjectEventsFeed.payment;
import static org.jianhu.supervision.support.ProjectEventsFeed.registered;

/** With {@code jianhu.amqp.queue-type=quorum} supervision consumes project events from a quorum queue. */
@TestPropertySource(properties = "jianhu.amqp.queue-type=quorum")
class QuorumQueueIT extends SupervisionIT {

    @Test
    void theBrokerHoldsTheQueueAsAQuorumQueue() throws Exception {
        assertThat(redeclaringTheQueueAs("quorum")).isNull();
        assertThat(redeclaringTheQueueAs("classic")).contains("PRECONDITION_FAILED")
                .contains("inequivalent arg 'x-queue-type'").contains("'quorum'");
    }

    @Test
    void eventsAreAppliedFromTheQuorumQueue() throws Exception {
        feed.publish(feed.envelope(1000, 0, registered("p-quorum", "Haishu")),
                feed.envelope(1000, 1, payment("p-quorum", "t-1", "700000.00")));

        await().atMost(Duration.ofSeconds(20)).until(() -> "YELLOW".equals(level("p-quorum")));
    }
}
