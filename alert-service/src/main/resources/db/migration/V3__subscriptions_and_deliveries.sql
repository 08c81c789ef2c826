-- A supervisor's standing request for more alerts than their own projects', and where to send them.
-- Every filter column is optional; min_level is the lowest colour that matches.
CREATE TABLE subscription (
    id         uuid PRIMARY KEY,
    supervisor text        NOT NULL,
    region     text,
    project_id text,
    min_level  text,
    rule_id    text,
    channel    text        NOT NULL,
    url        text,
    secret     text,
    address    text,
    created_at timestamptz NOT NULL
);
CREATE INDEX subscription_by_supervisor ON subscription (supervisor);

-- The delivery queue: one row per alert change and subscription (subscription_id NULL: the alerts
-- exchange), kept across restarts. The timeline position makes a change deliverable once per target.
CREATE TABLE delivery (
    id              uuid PRIMARY KEY,
    subscription_id uuid REFERENCES subscription (id) ON DELETE CASCADE,
    channel         text        NOT NULL,
    alert_id        uuid        NOT NULL REFERENCES alert (id),
    position        bigint      NOT NULL,
    routing_key     text        NOT NULL,
    payload         text        NOT NULL,
    status          text        NOT NULL,
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz
);
CREATE UNIQUE INDEX delivery_once ON delivery
    (coalesce(subscription_id, '00000000-0000-0000-0000-000000000000'::uuid), position);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX delivery_by_subscription ON delivery (subscription_id, created_at);

CREATE TABLE delivery_attempt (
    id           bigserial PRIMARY KEY,
    delivery_id  uuid        NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    attempted_at timestamptz NOT NULL,
    succeeded    boolean     NOT NULL,
    detail       text
);
CREATE INDEX delivery_attempt_by_delivery ON delivery_attempt (delivery_id, id);
