package org.jianhu.project.integrity.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills the event store to a million events quickly, straight in SQL, with rows shaped like the service's own
 * (a payment's payload and an owner's metadata, about 230 and 110 bytes), for the offline verification's cost.
 */
final class SyntheticLog {

    private static final int ROWS_PER_STATEMENT = 50_000;

    private final JdbcTemplate jdbc;

    SyntheticLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends events until the store holds {@code total}; answers how many were added. */
    long fillTo(long total) {
        long present = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        for (long from = present; from < total; from += ROWS_PER_STATEMENT) {
            jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                    + "time_stamp, payload_type, payload_revision, payload, meta_data) "
                    + "SELECT 'synthetic-' || i, 'synthetic-project-' || (i % 1000), i / 1000, 'Project', "
                    + "now() - make_interval(secs => ? - i), 'org.jianhu.contracts.project.TransactionRecorded', "
                    + "NULL, convert_to(format('{\"projectId\":\"synthetic-project-%s\",\"transactionId\":\"pay-%s\","
                    + "\"kind\":\"payment\",\"date\":\"2025-05-01\",\"value\":{\"amount\":\"%s.00\",\"currency\":\"CNY\"},"
                    + "\"payer\":\"finance-bureau\",\"payee\":\"acme-construction\",\"relatedMilestone\":\"m-%s\"}', "
                    + "i % 1000, i, 1000 + i % 90000, i % 12), 'UTF8'), "
                    + "convert_to(format('{\"actorUser\":\"owner-%s\",\"actorRole\":\"owner\",\"actorOrganisation\":"
                    + "\"transport-bureau\",\"correlationId\":\"%s\"}', i % 50, md5(i::text)), 'UTF8') "
                    + "FROM generate_series(?, ?) AS i",
                    (double) total, from, Math.min(total, from + ROWS_PER_STATEMENT) - 1);
        }
        return Math.max(0, total - present);
    }
}
