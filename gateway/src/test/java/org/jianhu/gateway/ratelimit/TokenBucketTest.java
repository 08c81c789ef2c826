package org.jianhu.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final Instant start = Instant.parse("2025-06-01T08:00:00Z");

    @Test
    void burstPassesThenTheNextWaitsForOneRefill() {
        TokenBucket bucket = new TokenBucket(20, 2, start);
        assertThat(bucket.take(start)).isZero();
        assertThat(bucket.take(start)).isZero();
        assertThat(bucket.take(start)).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void refillsWithTimeButNeverAboveTheBurst() {
        TokenBucket bucket = new TokenBucket(20, 2, start);
        bucket.take(start);
        bucket.take(start);
        Instant later = start.plusSeconds(60);
        assertThat(bucket.take(later)).isZero();
        assertThat(bucket.take(later)).isZero();
        assertThat(bucket.take(later)).isPositive();
    }
}
