package org.jianhu.project.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.common.caching.Cache;
import org.jianhu.project.web.ProblemType;
import org.jianhu.servicesupport.parking.Failures;
import org.jianhu.servicesupport.problem.FieldError;
import org.jianhu.servicesupport.problem.ProblemHandling;
import org.jianhu.servicesupport.problem.ProblemWriter;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.servicesupport.identity.VerifiedIdentityFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;


import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Makes a POST with an {@code Idempotency-Key} happen once. The key is claimed, the command runs
 * and its response is stored in ONE database transaction — the one Axon joins to append the
 * events — so either the facts and the stored response both exist, or neither does. A retry gets
 * the first response (marked {@code Idempotent-Replayed: true}); a rejected request stores
 * nothing, since it changed nothing (so a refused request does not use up its key); the same key
 * with a different request is refused. Keys are the verified user's own, so it runs after the
 * identity is verified.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final List<String> REPLAYED_RESPONSE_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);

    private final IdempotentRequests requests;
    private final TransactionTemplate transaction;
    private final Cache projectCache;

    public IdempotencyFilter(IdempotentRequests requests, TransactionTemplate transaction,
                             @Qualifier("projectCache") Cache projectCache) {
        this.requests = requests;
        this.transaction = transaction;
        this.projectCache = projectCache;
    }

    /**
     * The OC4IDS import is left alone: it is idempotent by the ids its package carries, and one transaction around
     * a whole package would hold every reader of the event store back for as long as the import takes.
     */
    static final String IMPORT = "/api/oc4ids/import";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || IMPORT.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        CallerIdentity identity = VerifiedIdentityFilter.of(request);
        String actor = String.valueOf(identity == null ? null : identity.user());
        if (key.isBlank() || key.length() > 200) {
            ProblemWriter.write(request, response, FieldError.invalid(HEADER, HEADER + " must be 1 to 200 characters"));
            return;
        }
        CachedBodyRequest cachedRequest = new CachedBodyRequest(request);
        String fingerprint = fingerprint(request, cachedRequest.body());
        ContentCachingResponseWrapper cachedResponse = new ContentCachingResponseWrapper(response);
        Optional<IdempotentRequests.StoredResponse> earlier;
        try {
            earlier = executeOnce(chain, actor, key, fingerprint, cachedRequest, cachedResponse);
        } catch (RuntimeException failed) {
            if (!Failures.isTransient(failed)) {
                throw failed;
            }
            // The commit (or the database under it) failed: whether it was recorded is known only to a retry with
            // this key, which replays the stored answer if it was. Nothing cached may reach the caller as a 2xx.
            log.warn("keyed request not known to be recorded, answered 503: {}", failed.toString());
            cachedResponse.reset();
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, ProblemHandling.RETRY_AFTER_SECONDS);
            ProblemWriter.write(request, response, ProblemHandling.unavailableProblem());
            return;
        }
        if (earlier != null && earlier.isPresent()) {
            replay(earlier.get(), fingerprint, request, response);
        } else {
            cachedResponse.copyBodyToResponse();
        }
    }

    private Optional<IdempotentRequests.StoredResponse> executeOnce(FilterChain chain, String actor, String key,
                                                                     String fingerprint, CachedBodyRequest cachedRequest,
                                                                     ContentCachingResponseWrapper cachedResponse) {
        return transaction.execute(status -> {
            forgetCachedProjectsUnlessCommitted();
            if (!requests.claim(actor, key, fingerprint)) {
                return requests.find(actor, key);
            }
            runInsideTransaction(chain, cachedRequest, cachedResponse);
            if (cachedResponse.getStatus() >= 400) {
                status.setRollbackOnly();
            } else {
                requests.complete(actor, key, cachedResponse.getStatus(), headersOf(cachedResponse),
                        cachedResponse.getContentAsByteArray());
            }
            return Optional.empty();
        });
    }

    /**
     * Axon's unit of work joins this transaction and, once the command is handled, keeps the
     * project in its cache. Should this outer transaction then fail to commit, the cache would
     * remember events that were never stored; forgetting the cache makes the next command reload
     * the project from the record.
     */
    private void forgetCachedProjectsUnlessCommitted() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    projectCache.removeAll();
                }
            }
        });
    }

    private static void runInsideTransaction(FilterChain chain, HttpServletRequest request,
                                             ContentCachingResponseWrapper response) {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private void replay(IdempotentRequests.StoredResponse stored, String fingerprint, HttpServletRequest request,
                        HttpServletResponse response)
            throws IOException {
        if (!stored.fingerprint().equals(fingerprint)) {
            ProblemWriter.write(request, response, ProblemType.IDEMPOTENCY_KEY_REUSED.detail("this " + HEADER
                    + " was used for a different request; use a new key for a new request"));
            return;
        }
        response.setStatus(stored.status());
        for (String line : stored.headers().split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                response.setHeader(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        response.setHeader(REPLAYED_HEADER, "true");
        response.getOutputStream().write(stored.body());
    }

    private static String headersOf(HttpServletResponse response) {
        StringBuilder headers = new StringBuilder();
        if (response.getContentType() != null) {
            headers.append(HttpHeaders.CONTENT_TYPE).append(':').append(response.getContentType()).append('\n');
        }
        for (String name : REPLAYED_RESPONSE_HEADERS) {
            String value = response.getHeader(name);
            if (value != null) {
                headers.append(name).append(':').append(value).append('\n');
            }
        }
        return headers.toString();
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The request body read once, so that it can be both fingerprinted and parsed. */
    private static final class CachedBodyRequest extends jakarta.servlet.http.HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request) throws IOException {
            super(request);
            this.body = StreamUtils.copyToByteArray(request.getInputStream());
        }

        byte[] body() {
            return body;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            ByteArrayInputStream source = new ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return source.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return source.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return source.read(buffer, offset, length);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
