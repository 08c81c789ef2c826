package org.jianhu.alert.signal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import org.jianhu.servicesupport.web.CorrelationIdFilter;
import org.jianhu.contracts.signal.RiskSignalChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Takes signal changes off the alert queue. A delivery is acked only once the transaction that applied
 * it has committed; a failure hands it back to the broker after a pause, an unreadable message is dropped.
 */
@Component
class RiskSignalsListener {

    private static final Logger log = LoggerFactory.getLogger(RiskSignalsListener.class);

    private final ObjectMapper json;
    private final ReceivingSignals receiving;
    private final long retryPauseMillis;

    RiskSignalsListener(ObjectMapper json, ReceivingSignals receiving,
                        @Value("${jianhu.consumption.retry-pause-ms:1000}") long retryPauseMillis) {
        this.json = json;
        this.receiving = receiving;
        this.retryPauseMillis = retryPauseMillis;
    }

    @RabbitListener(queues = "${jianhu.amqp.prefix}" + RiskSignalsQueue.QUEUE_SUFFIX)
    void on(Message message, Channel channel) throws IOException, InterruptedException {
        long tag = message.getMessageProperties().getDeliveryTag();
        RiskSignalChanged change;
        try {
            change = json.readValue(message.getBody(), RiskSignalChanged.class);
            if (change.changeId() == null || change.signalId() == null || change.level() == null) {
                throw new IllegalArgumentException("no changeId, signalId or level");
            }
            ReceivingSignals.openingLevel(change);
        } catch (IOException | IllegalArgumentException unreadable) {
            log.error("dropping a message that is no signal change: {}", unreadable.getMessage());
            channel.basicReject(tag, false);
            return;
        }
        String correlationId = message.getMessageProperties().getCorrelationId();
        MDC.put(CorrelationIdFilter.MDC_KEY, correlationId == null ? "signal-" + change.changeId() : correlationId);
        try {
            if (!receiving.apply(change)) {
                log.debug("change {} applied before, skipped", change.changeId());
            }
            channel.basicAck(tag, false);
        } catch (RuntimeException failed) {
            log.warn("change {} of signal {} not applied, returned to the queue: {}", change.changeId(),
                    change.signalId(), failed.getMessage());
            Thread.sleep(retryPauseMillis);
            channel.basicNack(tag, false, true);
        } finally {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }
    }
}
