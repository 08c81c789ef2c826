package org.jianhu.alert.stream;

import org.jianhu.alert.handling.AlertChanged;
import org.jianhu.alert.handling.AlertSummary;
import org.jianhu.alert.handling.Alerts;
import org.jianhu.alert.handling.Timeline;
import org.jianhu.alert.handling.TimelineEntry;
import org.jianhu.alert.lifecycle.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.jianhu.servicesupport.wakeup.Wakeup;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Pushes timeline rows to every open stream, in position order, each from the position it has seen.
 * Positions commit in order (see {@link Timeline}), so polling "after the last one sent" misses nothing.
 */
@Component
class AlertEventStream implements SmartLifecycle {

    private final Timeline timeline;
    private final Alerts alerts;
    private final int batchSize;
    private final long heartbeatMillis;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private final Wakeup wakeup = new Wakeup("alert-stream", this::push);

    AlertEventStream(Timeline timeline, Alerts alerts, @Value("${jianhu.stream.batch-size:500}") int batchSize,
                     @Value("${jianhu.stream.heartbeat-ms:15000}") long heartbeatMillis) {
        this.timeline = timeline;
        this.alerts = alerts;
        this.batchSize = batchSize;
        this.heartbeatMillis = heartbeatMillis;
    }

    /**
     * @param after  the last position the client has, or null for only what happens from now on
     * @param viewer whose alerts the stream carries, as their list would hold them
     */
    SseEmitter subscribe(Long after, Actor viewer) throws IOException {
        SseEmitter emitter = new SseEmitter(0L);
        long from = after == null ? timeline.lastPosition() : after;
        Subscriber subscriber = new Subscriber(emitter, from, viewer);
        // Sent at once so that the client has the response headers before the first step happens.
        emitter.send(SseEmitter.event().comment("after " + from));
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onError(failed -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        return emitter;
    }

    /** A step stored here: it goes out on the streams once it commits, not at the next poll. */
    @EventListener
    void on(AlertChanged changed) {
        wakeup.afterCommit();
    }

    /** Also the safety net for what no wakeup reaches: another instance's steps. */
    @Scheduled(fixedDelayString = "${jianhu.stream.poll-interval-ms:200}")
    synchronized void push() {
        if (subscribers.isEmpty()) {
            return;
        }
        long from = subscribers.stream().mapToLong(Subscriber::position).min().orElseThrow();
        List<TimelineEntry> batch = timeline.after(from, batchSize);
        Map<UUID, AlertSummary> summaries = new HashMap<>();
        for (Subscriber subscriber : subscribers) {
            subscriber.send(batch, summaries);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream before the web server waits for requests to finish, so shutdown stays graceful and quick. */
    @Override
    public void stop() {
        running = false;
        wakeup.close();
        subscribers.forEach(subscriber -> subscriber.emitter.complete());
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private final class Subscriber {

        private final SseEmitter emitter;
        private final Actor viewer;
        private volatile long position;
        private volatile long lastSentAt = System.currentTimeMillis();

        Subscriber(SseEmitter emitter, long position, Actor viewer) {
            this.emitter = emitter;
            this.position = position;
            this.viewer = viewer;
        }

        /** Whether the reader may see each alert is asked when its step goes out: scope follows later changes. */
        private Set<UUID> visibleIn(List<TimelineEntry> batch) {
            Set<UUID> alertIds = batch.stream().filter(entry -> entry.position() > position)
                    .map(TimelineEntry::alertId).collect(Collectors.toSet());
            return alerts.visibleAmong(alertIds, viewer);
        }

        private AlertSummary summaryOf(UUID alertId, Map<UUID, AlertSummary> summaries) {
            return summaries.computeIfAbsent(alertId, id -> alerts.summary(id).orElse(null));
        }

        long position() {
            return position;
        }

        /** @param summaries the alerts of this batch read so far, shared by every subscriber of one push */
        void send(List<TimelineEntry> batch, Map<UUID, AlertSummary> summaries) {
            try {
                Set<UUID> visible = visibleIn(batch);
                for (TimelineEntry entry : batch) {
                    if (entry.position() > position && !visible.contains(entry.alertId())) {
                        position = entry.position();
                    } else if (entry.position() > position) {
                        emitter.send(SseEmitter.event().id(Long.toString(entry.position())).name(entry.step())
                                .data(new StreamedStep(entry, summaryOf(entry.alertId(), summaries)),
                                        MediaType.APPLICATION_JSON));
                        position = entry.position();
                        lastSentAt = System.currentTimeMillis();
                    }
                }
                // A quiet stream still says something now and then: proxies keep it open, a gone client is noticed.
                if (System.currentTimeMillis() - lastSentAt >= heartbeatMillis) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    lastSentAt = System.currentTimeMillis();
                }
            } catch (IOException | IllegalStateException gone) {
                subscribers.remove(this);
                emitter.completeWithError(gone);
            }
        }
    }
}
