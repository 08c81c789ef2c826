package org.jianhu.supervision.consumption;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.supervision.assessment.ApplyingProjectEvents;
import org.jianhu.servicesupport.web.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;

/**
 * Takes project events off supervision's queue. A delivery is acked only once the transaction that
 * applied it has committed, or once its project is parked ({@link Quarantine}): one project's event that
 * cannot be applied must not hold up every other project behind it on the one queue. Any other failure
 * hands it back to the broker after a pause, so that an unreachable project service is not hammered;
 * an unreadable message is dropped.
 */
@Component
class ProjectEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ProjectEventsListener.class);

    private final ObjectMapper json;
    private final ApplyingProjectEvents applying;
    private final Quarantine quarantine;
    private final Duration retryPause;

    ProjectEventsListener(ObjectMapper json, ApplyingProjectEvents applying, Quarantine quarantine,
                          @Value("${jianhu.consumption.retry-pause-ms:1000}") long retryPauseMillis) {
        this.json = json;
        this.applying = applying;
        this.quarantine = quarantine;
        this.retryPause = Duration.ofMillis(retryPauseMillis);
    }

    @RabbitListener(queues = "${jianhu.amqp.prefix}" + ProjectEventsQueue.QUEUE_SUFFIX)
    void on(Message message, Channel channel) throws IOException, InterruptedException {
        long tag = message.getMessageProperties().getDeliveryTag();
        EventEnvelope envelope;
        try {
            envelope = json.readValue(message.getBody(), EventEnvelope.class);
        } catch (IOException unreadable) {
            log.error("dropping a message that is no event envelope: {}", unreadable.getMessage());
            channel.basicReject(tag, false);
            return;
        }
        Object correlationId = envelope.metadata() == null ? null : envelope.metadata().get(CorrelationIdFilter.MDC_KEY);
        if (correlationId != null) {
            MDC.put(CorrelationIdFilter.MDC_KEY, correlationId.toString());
        }
        try {
            if (applying.apply(envelope) == ApplyingProjectEvents.Outcome.PARKED) {
                log.debug("event {} of parked project {} left to its retry", envelope.eventId(), envelope.projectId());
            }
            quarantine.applied(envelope);
            channel.basicAck(tag, false);
        } catch (RuntimeException failed) {
            if (quarantine.parks(envelope, failed)) {
                channel.basicAck(tag, false);
                return;
            }
            log.warn("event {} of project {} not applied, returned to the queue: {}", envelope.eventId(),
                    envelope.projectId(), failed.getMessage());
            Thread.sleep(retryPause.toMillis());
            channel.basicNack(tag, false, true);
        } finally {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }
    }
}
