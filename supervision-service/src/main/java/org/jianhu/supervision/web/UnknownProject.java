package org.jianhu.supervision.web;

public class UnknownProject extends RuntimeException {

    public UnknownProject(String projectId) {
        super("no project " + projectId);
    }
}
