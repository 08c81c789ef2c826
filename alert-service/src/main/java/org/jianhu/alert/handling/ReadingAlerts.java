package org.jianhu.alert.handling;

import org.jianhu.alert.lifecycle.Actor;
import org.jianhu.servicesupport.paging.Page;
import org.jianhu.servicesupport.paging.PageRequest;
import org.springframework.stereotype.Service;

import java.util.Optional;
import java.util.UUID;

/** What a reader may see of the alerts: their list, and any one alert of a project they may read. */
@Service
public class ReadingAlerts {

    private final Alerts alerts;
    private final Timeline timeline;

    ReadingAlerts(Alerts alerts, Timeline timeline) {
        this.alerts = alerts;
        this.timeline = timeline;
    }

    /**
     * A page of the reader's alerts, newest first: a supervisor's own projects' and subscribed ones in their region,
     * an owner's organisation's.
     */
    public Page<AlertSummary> mine(Actor reader, AlertFilter filter, PageRequest page) {
        return alerts.find(filter, reader, page);
    }

    /** Any alert of a project the reader may read, even one their list leaves out; another is refused. */
    public AlertDetails one(UUID id, Actor reader) {
        alerts.scope(id).orElseThrow(() -> new UnknownAlert(id)).admit(reader, "read");
        return details(id).orElseThrow(() -> new UnknownAlert(id));
    }

    /** The alert with its whole timeline, whoever asks. */
    Optional<AlertDetails> details(UUID id) {
        return alerts.summary(id).map(alert -> new AlertDetails(alert, timeline.of(id)));
    }
}
