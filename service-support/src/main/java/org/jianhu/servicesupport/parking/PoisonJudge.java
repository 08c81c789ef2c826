package org.jianhu.servicesupport.parking;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts the failures of one event that were not the world's fault; after {@code attempts} of them the event is
 * poison and its project is parked. Transient failures (a database away) never count: an outage must not park
 * every project. In memory: a restart gives an event its tries anew, which only delays the parking.
 */
public class PoisonJudge {

    private static final int REMEMBERED = 10_000;

    private final int attempts;
    private final Map<String, Integer> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED;
        }
    };

    public PoisonJudge(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.attempts = attempts;
    }

    /** @return true when the event's project should be parked now */
    public synchronized boolean isPoison(String eventKey, Throwable failure) {
        if (Failures.isTransient(failure)) {
            return false;
        }
        int failed = failures.merge(eventKey, 1, Integer::sum);
        if (failed >= attempts) {
            failures.remove(eventKey);
            return true;
        }
        return false;
    }

    public synchronized void succeeded(String eventKey) {
        failures.remove(eventKey);
    }
}
