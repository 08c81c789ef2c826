package org.jianhu.servicesupport.parking;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParkedProjectsTest {

    @Test
    void aReasonQuotingTheInputThatFailedCanStillBeStored() {
        assertThat(ParkedProjects.storable("bad \u0000 value \uD800 here", 100)).isEqualTo("bad \uFFFD value \uFFFD here");
        assertThat(ParkedProjects.storable("x".repeat(1_000_000), 500)).hasSize(501).endsWith("…");
        assertThat(ParkedProjects.storable(null, 10)).isEmpty();
    }
}
