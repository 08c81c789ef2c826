package org.jianhu.seeds;

import java.util.List;

/** One project of the portfolio: its registration, the steps of its story, and what supervision should make of it. */
public record ProjectSeed(String code, Expected expected, Step register, List<Step> steps) {

    public record Expected(String level, List<String> indicators) {
    }

    public String ownerOrganisation() {
        return register.body().path("ownerOrganisation").asText();
    }

    public String region() {
        return register.body().path("region").asText();
    }

    /** Deterministic per step, so that a second load is answered from what the first one stored. */
    public String idempotencyKey(int stepNumber) {
        return "seed-" + code + "-" + stepNumber;
    }
}
