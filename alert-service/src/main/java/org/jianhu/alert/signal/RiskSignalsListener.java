package org.jianhu.alert.signal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import org.jianhu.contracts.signal.RiskSignalChanged;
import org.jianhu.servicesupport.parking.PoisonJudge;
import org.jianhu.servicesupport.web.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Takes signal changes off the alert queue. A delivery is acked only once the transaction that applied (or
 * held) it has committed. A failure hands it back to the broker after a pause; once {@link PoisonJudge} finds
 * it failing for its own sake (not because the database or broker is away), its project is parked with it and
 * it is acked, so the queue goes on with every other project. An unreadable message is dropped.
 */
@Component
class RiskSignalsListener {

    private static final Logger log = LoggerFactory.getLogger(RiskSignalsListener.class);

    private final ObjectMapper json;
    private final ParkedSignals parking;
    private final PoisonJudge judge;
    private final long retryPauseMillis;

    RiskSignalsListener(ObjectMapper json, ParkedSignals parking,
                        @Value("${jianhu.consumption.poison-attempts:3}") int poisonAttempts,
                        @Value("${jianhu.consumption.retry-pause-ms:1000}") long retryPauseMillis) {
        this.json = json;
        this.parking = parking;
        this.judge = new PoisonJudge(poisonAttempts);
        this.retryPauseMillis = retryPauseMillis;
    }

    @RabbitListener(queues = "${jianhu.amqp.prefix}" + RiskSignalsQueue.QUEUE_SUFFIX)
    void on(Message message, Channel channel) throws IOException, InterruptedException {
        long tag = message.getMessageProperties().getDeliveryTag();
        RiskSignalChanged change;
        try {
            change = SignalMessages.read(json, message.getBody());
        } catch (SignalMessages.UnreadableSignal unreadable) {
            log.error("dropping a message that is no signal change: {}", unreadable.getMessage());
            channel.basicReject(tag, false);
            return;
        }
        String correlationId = message.getMessageProperties().getCorrelationId();
        MDC.put(CorrelationIdFilter.MDC_KEY, correlationId == null ? "signal-" + change.changeId() : correlationId);
        try {
            take(change, message.getBody());
            channel.basicAck(tag, false);
        } catch (RuntimeException failed) {
            if (parkedAfter(change, message.getBody(), failed)) {
                channel.basicAck(tag, false);
            } else {
                log.warn("change {} of signal {} not applied, returned to the queue: {}", change.changeId(),
                        change.signalId(), failed.getMessage());
                Thread.sleep(retryPauseMillis);
                channel.basicNack(tag, false, true);
            }
        } finally {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }
    }

    private void take(RiskSignalChanged change, byte[] body) {
        switch (parking.take(change, body)) {
            case REPEATED -> log.debug("change {} applied before, skipped", change.changeId());
            case HELD -> log.info("change {} held: project {} is parked", change.changeId(), change.projectId());
            case APPLIED -> log.debug("change {} applied", change.changeId());
        }
        judge.succeeded(change.changeId().toString());
    }

    /** @return true when the change was poison and its project is now parked with it */
    private boolean parkedAfter(RiskSignalChanged change, byte[] body, RuntimeException failed) {
        if (!judge.isPoison(change.changeId().toString(), failed)) {
            return false;
        }
        try {
            parking.park(change, body, failed);
        } catch (RuntimeException notParked) {
            log.warn("project {} could not be parked, change {} returned to the queue: {}", change.projectId(),
                    change.changeId(), notParked.getMessage());
            return false;
        }
        log.error("project {} parked: change {} of signal {} cannot be applied", change.projectId(),
                change.changeId(), change.signalId(), failed);
        return true;
    }
}
