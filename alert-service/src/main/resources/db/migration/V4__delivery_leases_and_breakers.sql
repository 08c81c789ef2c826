-- Deliveries are claimed with a lease in a short transaction and sent outside any: no row lock or transaction
-- is held while a receiver takes its time. A lease that runs out (its worker crashed) makes the row claimable
-- again. The destination is the subscription, or the nil uuid for the alerts exchange, as in delivery_once.
ALTER TABLE delivery
    ADD COLUMN destination uuid GENERATED ALWAYS AS
        (coalesce(subscription_id, '00000000-0000-0000-0000-000000000000'::uuid)) STORED,
    ADD COLUMN lease_until timestamptz,
    ADD COLUMN leased_by   text;
-- what a claim reads: the due rows of one destination, and what each destination has in flight
CREATE INDEX delivery_due_by_destination ON delivery (destination, next_attempt_at, position)
    WHERE status = 'pending';
CREATE INDEX delivery_leased ON delivery (destination, lease_until) WHERE lease_until IS NOT NULL;

-- One circuit breaker per destination, shared by every instance and kept across restarts. open_until set: the
-- breaker tripped, and is open until then, after that probing (one try decides). openings: how often in a row
-- it opened, which lengthens the next opening.
CREATE TABLE destination_breaker (
    subscription_id      uuid REFERENCES subscription (id) ON DELETE CASCADE,
    destination          uuid GENERATED ALWAYS AS
        (coalesce(subscription_id, '00000000-0000-0000-0000-000000000000'::uuid)) STORED PRIMARY KEY,
    consecutive_failures int  NOT NULL DEFAULT 0,
    openings             int  NOT NULL DEFAULT 0,
    open_until           timestamptz,
    last_error           text
);
