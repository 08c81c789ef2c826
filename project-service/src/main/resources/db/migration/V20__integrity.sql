-- The record's Merkle tree (org.jianhu.project.integrity). Every event of domain_event_entry becomes one leaf, in
-- the event store's reading order (tx_id, global_index): leaf i is the i-th event in that order, whatever gaps
-- the global positions have. The tree only grows; rows here are written once and never updated.

-- How far the tree has followed the log: its size and the reading position of its last leaf's event.
CREATE TABLE integrity_tree (
    id                SMALLINT PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    size              BIGINT NOT NULL,
    last_tx_id        XID8   NOT NULL,
    last_global_index BIGINT NOT NULL
);
INSERT INTO integrity_tree (size, last_tx_id, last_global_index) VALUES (0, '0', 0);

-- The leaves: the event's global position, when it was recorded (for the checkpoint lag) and its leaf hash.
-- A position is not unique here on purpose: a row deleted and inserted again under its old position is a second
-- event to the tree, and must not stop it.
CREATE TABLE integrity_leaf (
    leaf_index      BIGINT      PRIMARY KEY,
    global_position BIGINT      NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    hash            BYTEA       NOT NULL
);
CREATE INDEX integrity_leaf_position ON integrity_leaf (global_position, leaf_index);

-- Every complete subtree above the leaves (level >= 1), written once when its last leaf arrives: about one row per
-- leaf, so that any root and any proof is read from at most a few dozen rows.
CREATE TABLE integrity_node (
    level      SMALLINT NOT NULL,
    node_index BIGINT   NOT NULL,
    hash       BYTEA    NOT NULL,
    PRIMARY KEY (level, node_index)
);

-- Signed checkpoints (C2SP signed notes), and whether RabbitMQ has confirmed each.
CREATE TABLE integrity_checkpoint (
    tree_size BIGINT      PRIMARY KEY,
    root      BYTEA       NOT NULL,
    note      TEXT        NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL,
    published BOOLEAN     NOT NULL DEFAULT false
);
CREATE INDEX integrity_checkpoint_unpublished ON integrity_checkpoint (tree_size) WHERE NOT published;
