package org.jianhu.project.web;

public class UnknownProject extends RuntimeException {

    public UnknownProject(String projectId) {
        super("no project " + projectId);
    }
}
