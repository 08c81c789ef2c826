package org.jianhu.alert.delivery;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.jianhu.alert.destination.Destinations;
import org.jianhu.alert.destination.RefusedDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * POSTs JSON for the HTTP channels (webhooks and group robots) where the destination policy allows: the URL is
 * judged before the try, and the client's resolver hands the connection only the addresses the policy judged
 * (so no second lookup can point it elsewhere). No redirect is followed, {@code timeout} bounds connecting and
 * waiting. A failure is told by its category ("timeout", "connection refused", "HTTP 503", "redirect refused",
 * "refused by policy"), never by exception text: the delivery log must not tell a subscriber what lies inside.
 */
@Component
class HttpPosting implements DisposableBean {

    static final String REFUSED_BY_POLICY = "refused by policy";
    private static final int ANSWER_LENGTH = 16 * 1024;
    private static final Logger log = LoggerFactory.getLogger(HttpPosting.class);

    /** What the receiver answered: its status and (the start of) its body. */
    record Answer(int status, String body) {
    }

    private final Destinations destinations;
    private final CloseableHttpClient http;

    HttpPosting(Destinations destinations, DeliveryPolicy policy) {
        this.destinations = destinations;
        Timeout timeout = Timeout.of(policy.timeout());
        // a connection for every worker, whatever the host: robots of many subscriptions share their vendor's
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new JudgedResolver(destinations))
                        .setMaxConnTotal(policy.workers()).setMaxConnPerRoute(policy.workers())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                                .setSocketTimeout(timeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .build();
    }

    /**
     * @param onlyHosts the hosts the channel must be on (a robot vendor's), or none
     * @return a 2xx answer; anything else is a {@link DeliveryFailed} of its category
     */
    Answer post(String url, Collection<String> onlyHosts, Map<String, String> headers, String json) {
        URI uri = judged(url, onlyHosts);
        HttpPost post = new HttpPost(uri);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        Answer answer;
        try {
            answer = http.execute(post, response -> new Answer(response.getCode(), body(response.getEntity())));
        } catch (IOException failed) {
            String category = category(failed);
            log.debug("delivery to {} failed ({})", uri.getHost(), category, failed);
            throw new DeliveryFailed(category, failed);
        }
        if (answer.status() / 100 == 3) {
            throw new DeliveryFailed("redirect refused", null);
        }
        if (answer.status() / 100 != 2) {
            throw new DeliveryFailed("HTTP " + answer.status(), null);
        }
        return answer;
    }

    private URI judged(String url, Collection<String> onlyHosts) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            throw new DeliveryFailed(REFUSED_BY_POLICY, malformed);
        }
        destinations.urlRefusal(uri, onlyHosts).ifPresent(reason -> {
            log.warn("delivery to {} refused by the destination policy: {}", uri.getHost(), reason);
            throw new DeliveryFailed(REFUSED_BY_POLICY, null);
        });
        return uri;
    }

    private static String body(org.apache.hc.core5.http.HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try {
            return EntityUtils.toString(entity, StandardCharsets.UTF_8, ANSWER_LENGTH);
        } catch (ParseException unreadable) {
            return "";
        }
    }

    static String category(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedDestination) {
                return REFUSED_BY_POLICY;
            }
            if (cause instanceof SocketTimeoutException) {
                return "timeout";
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof UnknownHostException) {
                return "host not found";
            }
            if (cause instanceof SSLException) {
                return "TLS failed";
            }
        }
        return "not reached";
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }

    /** The connection's resolver: every address judged by the policy as the connection opens. */
    private record JudgedResolver(Destinations destinations) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return destinations.reachable(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
