package org.jianhu.supervision.assessment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jianhu.supervision.risk.ProjectFacts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.support.ProjectEventsFeed.payment;
import static org.jianhu.supervision.support.ProjectEventsFeed.registered;

class FactsFormatTest {

    private final FactsFormat format = new FactsFormat(JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build(), ProjectFacts.class);

    @Test
    void storedFactsReadBackToTheSameFacts() {
        ProjectFacts facts = format.fresh("p-1");
        facts.apply(registered("p-1", "Haishu"), 10, Instant.parse("2026-01-05T02:00:00Z"), Duration.ofMinutes(10));
        facts.apply(payment("p-1", "t-1", "1200000.00"), 11, Instant.parse("2026-02-05T02:00:00Z"), Duration.ofMinutes(10));

        String stored = format.write(facts);
        ProjectFacts readBack = format.read(stored);

        assertThat(readBack.projectId()).isEqualTo("p-1");
        assertThat(format.write(readBack)).isEqualTo(stored);
        assertThat(stored).contains("\"1200000.00\"").doesNotContain("1.2E");
    }
}
