package org.jianhu.alert.destination;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The destination policy applied: when a subscription names a URL, and again on every delivery, each time
 * resolving the host first and judging every address it resolves to, so a name that later points inside
 * (DNS rebinding) is refused then. Deliveries connect only to the addresses judged here.
 */
@Component
public class Destinations {

    private static final Logger log = LoggerFactory.getLogger(Destinations.class);

    private final DestinationPolicy policy;
    private final HostResolver resolver;

    Destinations(WebhookSettings settings, HostResolver resolver) {
        this.policy = settings.policy();
        this.resolver = resolver;
    }

    /** At subscription time: what is wrong with the URL, in words for the subscriber, or nothing. */
    public Optional<String> refusal(String url, Collection<String> onlyHosts) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            return Optional.of("url is not a URL");
        }
        Optional<String> written = policy.urlRefusal(uri, onlyHosts);
        if (written.isPresent()) {
            return written;
        }
        try {
            return policy.addressRefusal(uri.getHost(), resolver.resolve(uri.getHost()));
        } catch (UnknownHostException unknown) {
            return Optional.of("url's host " + uri.getHost() + " is not known");
        }
    }

    /** At delivery time, before connecting: the URL as written. */
    public Optional<String> urlRefusal(URI url, Collection<String> onlyHosts) {
        return policy.urlRefusal(url, onlyHosts);
    }

    /** At delivery time, as the connection is opened: the addresses of the host that may be reached. */
    public InetAddress[] reachable(String host) throws UnknownHostException {
        List<InetAddress> addresses = resolver.resolve(host);
        Optional<String> refused = policy.addressRefusal(host, addresses);
        if (refused.isPresent()) {
            log.warn("delivery to {} refused by the destination policy: {} ({})", host, refused.get(), addresses);
            throw new RefusedDestination(refused.get());
        }
        return addresses.toArray(InetAddress[]::new);
    }
}
