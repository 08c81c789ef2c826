-- Event store read in transaction order (org.jianhu.eventstore.CommitOrderedEventStorageEngine).
--
-- Each row records the id of the transaction that wrote it. Readers take rows in (tx_id, global_index)
-- order, and only rows whose transaction is older than every transaction still running
-- (pg_snapshot_xmin), so a row can never commit behind a reader's position. global_index alone is
-- NOT the reading order: it is handed out at insert time and commits arrive out of that order.
--
-- The primary key doubles as the reading index; there is deliberately no second index on
-- global_index, so appends maintain as many indexes as Axon's stock table does.

CREATE TABLE domain_event_entry (
    global_index         BIGINT GENERATED ALWAYS AS IDENTITY,
    tx_id                XID8         NOT NULL DEFAULT pg_current_xact_id(),
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           TIMESTAMPTZ  NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT domain_event_entry_reading_order_pk PRIMARY KEY (tx_id, global_index),
    CONSTRAINT domain_event_entry_aggregate_sequence_uk UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier_uk UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           TIMESTAMPTZ  NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT snapshot_event_entry_pk PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT snapshot_event_entry_event_identifier_uk UNIQUE (event_identifier)
);
