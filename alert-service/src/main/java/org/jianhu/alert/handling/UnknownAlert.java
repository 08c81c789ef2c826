package org.jianhu.alert.handling;

import java.util.UUID;

public class UnknownAlert extends RuntimeException {

    public UnknownAlert(UUID id) {
        super("no alert " + id);
    }
}
