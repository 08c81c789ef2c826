package org.jianhu.supervision.web;

import org.jianhu.servicesupport.parking.ParkedProject;

/** A retried project still could not be applied and is parked again (409, with its parking). */
public class StillParked extends RuntimeException {

    private final transient ParkedProject parked;

    public StillParked(ParkedProject parked) {
        super("project " + parked.projectId() + " still cannot be applied and is parked again at position "
                + parked.position() + ": " + parked.reason());
        this.parked = parked;
    }

    public ParkedProject parked() {
        return parked;
    }
}
