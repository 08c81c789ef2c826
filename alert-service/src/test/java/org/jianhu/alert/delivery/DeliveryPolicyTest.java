package org.jianhu.alert.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryPolicyTest {

    private final DeliveryPolicy policy = new DeliveryPolicy(Duration.ofSeconds(10), 2, Duration.ofMinutes(1), 8,
            Duration.ofSeconds(5), 1000, 20, "alerts@jianhu.local", Duration.ofSeconds(60), 8, 2);

    @Test
    void eachFailedTryDoublesTheWaitUpToTheMaximum() {
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.backoffAfter(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoffAfter(30)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theLastTryOfARoundIsTheMaximumsAndNoEarlierOne() {
        assertThat(policy.lastAttempt(7)).isFalse();
        assertThat(policy.lastAttempt(8)).isTrue();
    }

    @Test
    void aLeaseNotComfortablyLongerThanATryStopsTheStart() {
        assertThatThrownBy(() -> new DeliveryPolicy(Duration.ofSeconds(10), 2, Duration.ofMinutes(1), 8,
                Duration.ofSeconds(20), 1000, 20, "alerts@jianhu.local", Duration.ofSeconds(60), 8, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jianhu.delivery.lease");
    }

    @Test
    void theWebhookSignatureIsTheHexHmacOfTimestampDotBody() {
        // computed independently: printf '1.{}' | openssl dgst -sha256 -hmac key
        assertThat(WebhookSending.signature("key", "1", "{}"))
                .isEqualTo("1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224");
    }
}
