package org.jianhu.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("jianhu.rate-limit")
public record RateLimitProperties(double requestsPerSecond, int burst) {
}
