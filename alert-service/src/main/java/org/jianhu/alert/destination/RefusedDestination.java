package org.jianhu.alert.destination;

import java.net.UnknownHostException;

/**
 * A destination the policy refuses at delivery time. An {@link UnknownHostException}, as the HTTP client's
 * resolver may throw only that: the connection is then never opened.
 */
public class RefusedDestination extends UnknownHostException {

    public RefusedDestination(String reason) {
        super(reason);
    }
}
