package org.jianhu.project.integrity.checkpoint;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code integrity} health component: DOWN while the log refuses to sign because its tree no longer extends
 * its last signed checkpoint (someone rewrote the tree, the checkpoints or the key), with the reason. Not part of
 * readiness: writes and reads go on; only new checkpoints wait until the record is put right.
 */
public class SigningStatus implements HealthIndicator {

    private final AtomicReference<String> refusal = new AtomicReference<>();
    private final AtomicReference<Long> lastSignedSize = new AtomicReference<>();

    void signed(long size) {
        refusal.set(null);
        lastSignedSize.set(size);
    }

    void refused(String why) {
        refusal.set(why);
    }

    @Override
    public Health health() {
        String why = refusal.get();
        Health.Builder health = why == null ? Health.up() : Health.down().withDetail("refusedToSign", why);
        Long size = lastSignedSize.get();
        if (size != null) {
            health.withDetail("lastSignedSize", size);
        }
        return health.build();
    }
}
