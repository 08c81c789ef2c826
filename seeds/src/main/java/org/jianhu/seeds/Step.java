package org.jianhu.seeds;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

/**
 * One API call of a project's story: who makes it, on which business date it happened, the path
 * under {@code /api/projects/{id}/} it is posted to (empty for the registration) and the body, as
 * the API takes it.
 */
public record Step(String as, LocalDate date, String post, JsonNode body) {

    public String post() {
        return post == null ? "" : post;
    }

    /** The command's kind: the path without the ids in it, e.g. {@code inspections/rectification}. */
    public String kind() {
        String[] parts = post().split("/");
        return parts.length == 3 ? parts[0] + "/" + parts[2] : parts[0];
    }
}
