package org.jianhu.supervision.web;

import java.util.UUID;

public class UnknownRebuild extends RuntimeException {

    public UnknownRebuild(UUID rebuildId) {
        super("no rebuild " + rebuildId);
    }
}
