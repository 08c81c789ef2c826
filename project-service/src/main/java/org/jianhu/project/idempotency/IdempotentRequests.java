package org.jianhu.project.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** First responses to keyed POSTs, one per actor and key. */
@Component
public class IdempotentRequests {

    public record StoredResponse(String fingerprint, Integer status, String headers, byte[] body) {
    }

    private final JdbcTemplate jdbc;

    public IdempotentRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims a key for this transaction. A concurrent claim of the same key waits for this
     * transaction to end, so two retries in flight cannot both record.
     *
     * @return true when the key is new and this request must run
     */
    public boolean claim(String actor, String key, String fingerprint) {
        return jdbc.update("INSERT INTO idempotent_request (actor, idempotency_key, fingerprint) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", actor, key, fingerprint) == 1;
    }

    public Optional<StoredResponse> find(String actor, String key) {
        List<StoredResponse> found = jdbc.query("SELECT fingerprint, response_status, response_headers, response_body "
                        + "FROM idempotent_request WHERE actor = ? AND idempotency_key = ?",
                (row, n) -> new StoredResponse(row.getString(1), (Integer) row.getObject(2), row.getString(3),
                        row.getBytes(4)),
                actor, key);
        return found.stream().findFirst();
    }

    public void complete(String actor, String key, int status, String headers, byte[] body) {
        jdbc.update("UPDATE idempotent_request SET response_status = ?, response_headers = ?, response_body = ? "
                + "WHERE actor = ? AND idempotency_key = ?", status, headers, body, actor, key);
    }
}
