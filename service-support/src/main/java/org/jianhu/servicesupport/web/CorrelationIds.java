package org.jianhu.servicesupport.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which correlation id a request goes by: the caller's, when it is a plain identifier that can be logged as it
 * is; otherwise a new one, so that no caller writes control characters or a page of text into every log line.
 */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private CorrelationIds() {
    }

    public static String of(String given) {
        return given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
