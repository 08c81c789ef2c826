package org.jianhu.supervision.assessment;

import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.servicesupport.paging.Page;
import org.jianhu.servicesupport.paging.PageRequest;
import org.jianhu.servicesupport.parking.ParkedProject;
import org.jianhu.servicesupport.parking.ParkedProjects;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The projects the risk register stopped applying, kept by service-support's {@link ParkedProjects} as the
 * consumer {@value #CONSUMER}: each from the first event it could not apply (its view is stale from that
 * event's global position) until an administrator retries it.
 */
@Component
public class RiskRegisterParking {

    public static final String CONSUMER = "risk-register";

    private final ParkedProjects parked;

    RiskRegisterParking(ParkedProjects parked) {
        this.parked = parked;
    }

    /** @return false when the project was parked already (its first reason and position stay) */
    public boolean park(EventEnvelope stoppedAt, String reason) {
        return parked.park(CONSUMER, stoppedAt.projectId(), stoppedAt.globalPosition(), stoppedAt.eventId(), reason);
    }

    /** Parks the project anew, for the failure of a retry: where it stopped now and why. */
    public void parkAgain(String projectId, long position, String eventId, String reason) {
        parked.release(CONSUMER, projectId);
        parked.park(CONSUMER, projectId, position, eventId, reason);
    }

    public boolean isParked(String projectId) {
        return parked.isParked(CONSUMER, projectId);
    }

    public Optional<ParkedProject> find(String projectId) {
        return parked.find(CONSUMER, projectId);
    }

    public Page<ParkedProject> page(PageRequest page) {
        return parked.page(CONSUMER, page);
    }

    void release(String projectId) {
        parked.release(CONSUMER, projectId);
    }
}
