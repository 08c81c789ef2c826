package org.jianhu.alert.destination;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Every address a host name stands for now (the system's resolver; a test may stand in for DNS). */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
