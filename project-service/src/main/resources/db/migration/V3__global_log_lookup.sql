-- The global log API (GET /api/events?after=<globalPosition>) resumes after the event a client saw
-- last, in reading order (tx_id, global_index). This index finds that event's transaction by its
-- global position without a scan; it costs appends one more index entry (see BENCHMARKS.md).
CREATE UNIQUE INDEX domain_event_entry_global_index_uk ON domain_event_entry (global_index);
