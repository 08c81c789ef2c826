package org.jianhu.supervision.web;

public class NotParked extends RuntimeException {

    public NotParked(String projectId) {
        super("project " + projectId + " is not parked");
    }
}
