-- Which instance relays the signal outbox, and until when: the one holding an unexpired lease. Taken and renewed
-- in a statement of its own, so no transaction is open while the relay waits on the broker (issue 15).
CREATE TABLE signal_relay_lease (
    id         integer PRIMARY KEY CHECK (id = 1),
    holder     text        NOT NULL,
    held_until timestamptz NOT NULL
);
