-- One alert per risk signal. level is the colour shown: it never drops below what the signal
-- reached until rectification is verified; signal_level is what supervision says now.
CREATE TABLE alert (
    id                    uuid PRIMARY KEY,
    signal_id             uuid        NOT NULL UNIQUE,
    project_id            text        NOT NULL,
    rule_id               text        NOT NULL,
    rule_version          int         NOT NULL,
    subject               text,
    explanation_zh        text,
    explanation_en        text,
    level                 text        NOT NULL,
    signal_level          text        NOT NULL,
    status                text        NOT NULL,
    assignee_organisation text,
    deadline              date,
    region                text,
    raised_at             timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    -- while raised and not yet escalated: when it goes to the regional lead unless assigned first
    escalation_due        timestamptz,
    escalated             boolean     NOT NULL DEFAULT false
);
CREATE INDEX alert_by_status ON alert (status, level);
CREATE INDEX alert_escalation_due ON alert (escalation_due) WHERE escalation_due IS NOT NULL;
CREATE INDEX alert_by_project ON alert (project_id);

-- The timeline: every step of every alert, in commit order (see AlertEvents).
CREATE TABLE alert_event (
    position     bigserial PRIMARY KEY,
    alert_id     uuid        NOT NULL REFERENCES alert (id),
    step         text        NOT NULL,
    actor        text        NOT NULL,
    role         text        NOT NULL,
    organisation text,
    occurred_at  timestamptz NOT NULL,
    comment      text,
    level        text        NOT NULL,
    status       text        NOT NULL
);
CREATE INDEX alert_event_by_alert ON alert_event (alert_id, position);

-- Signal changes already applied: a redelivered change id changes nothing.
CREATE TABLE processed_change (
    change_id    uuid PRIMARY KEY,
    processed_at timestamptz NOT NULL
);
