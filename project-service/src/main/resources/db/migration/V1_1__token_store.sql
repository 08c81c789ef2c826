-- The event and snapshot tables come from the event-store module (classpath:db/eventstore, V1).
-- Positions of Axon's streaming processors (the RabbitMQ relay among them) live here.
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);
