package org.jianhu.supervision.consumption;

import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.supervision.assessment.ProjectHistory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Optional;

/** {@code GET /api/projects/{id}/history} of the project service ({@code jianhu.project-service.url}); none if unknown. */
@Component
class HttpProjectHistory implements ProjectHistory {

    private final RestClient http;

    HttpProjectHistory(RestClient projectService) {
        this.http = projectService;
    }

    @Override
    public Optional<List<EventEnvelope>> find(String projectId) {
        try {
            List<EventEnvelope> events = http.get().uri("/api/projects/{id}/history", projectId)
                    .retrieve()
                    .body(new ParameterizedTypeReference<List<EventEnvelope>>() {
                    });
            return Optional.of(events == null ? List.of() : events);
        } catch (HttpClientErrorException.NotFound unknown) {
            return Optional.empty();
        }
    }
}
