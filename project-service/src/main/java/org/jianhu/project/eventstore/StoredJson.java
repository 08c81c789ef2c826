package org.jianhu.project.eventstore;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How the JSON this service stores is read back: events, snapshots and processor tokens (through Axon's
 * serializer) and the history the API serves. Only this service writes it, so the parser limits guard against
 * nothing hostile — request bodies have strict limits of their own — and are set so that whatever was once
 * stored can always be read again. A limit below what is stored makes an aggregate unloadable for good:
 * Jackson's default of 50,000 characters for a name did that to a project with a 100,000-character milestone id
 * (ids are the keys of a snapshot's milestones, contracts, transactions and inspections) at its first snapshot.
 */
public final class StoredJson {

    /**
     * Jackson's own default for strings, for names and numbers too: the input policy allows ids of 64 characters,
     * names of 200, texts of 4,000 and amounts of 19 digits, but before it a request could store any length (a
     * megabyte of text, an id of 100,000 characters, 1e400 — 403 digits written plain).
     */
    static final int LONGEST_VALUE = 20_000_000;
    /** A project's snapshot is seven levels deep (aggregate, state, contracts, contract, change order, money). */
    static final int DEEPEST_NESTING = 64;

    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNameLength(LONGEST_VALUE)
            .maxStringLength(LONGEST_VALUE)
            .maxNumberLength(LONGEST_VALUE)
            .maxNestingDepth(DEEPEST_NESTING)
            .build();

    private StoredJson() {
    }

    /** A copy of the service's mapper (its modules and formats) with these limits. */
    public static ObjectMapper mapper(ObjectMapper serviceMapper) {
        ObjectMapper stored = serviceMapper.copy();
        stored.getFactory().setStreamReadConstraints(LIMITS);
        return stored;
    }
}
