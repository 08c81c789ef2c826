-- What a DBA who has read project-service/README.md ("Integrity") can do with SQL alone: compute the leaf of one
-- (changed) row again, by the documented encoding, and every stored subtree above it, so that the tree tables
-- match the changed log. The test fills in the changed leaf's index below.
DO $$
DECLARE
    changed_leaf CONSTANT bigint := %d;
    node bigint := changed_leaf;
    node_level int := 0;
    left_hash bytea;
    right_hash bytea;
BEGIN
    UPDATE integrity_leaf leaf SET hash = sha256('\x00'::bytea
            || convert_to(E'jianhu/event-leaf/v1\n', 'UTF8')
            || int8send(e.global_index)
            || int4send(octet_length(convert_to(e.event_identifier, 'UTF8'))) || convert_to(e.event_identifier, 'UTF8')
            || int4send(octet_length(convert_to(e.aggregate_identifier, 'UTF8')))
            || convert_to(e.aggregate_identifier, 'UTF8')
            || int8send(e.sequence_number)
            || CASE WHEN e.type IS NULL THEN '\x00'::bytea
                    ELSE '\x01'::bytea || int4send(octet_length(convert_to(e.type, 'UTF8'))) || convert_to(e.type, 'UTF8')
               END
            || int4send(octet_length(convert_to(e.payload_type, 'UTF8'))) || convert_to(e.payload_type, 'UTF8')
            || CASE WHEN e.payload_revision IS NULL THEN '\x00'::bytea
                    ELSE '\x01'::bytea || int4send(octet_length(convert_to(e.payload_revision, 'UTF8')))
                         || convert_to(e.payload_revision, 'UTF8')
               END
            || int8send((EXTRACT(EPOCH FROM e.time_stamp) * 1000000)::bigint)
            || int4send(octet_length(e.payload)) || e.payload
            || CASE WHEN e.meta_data IS NULL THEN '\x00'::bytea
                    ELSE '\x01'::bytea || int4send(octet_length(e.meta_data)) || e.meta_data
               END)
    FROM domain_event_entry e
    WHERE leaf.leaf_index = changed_leaf AND e.global_index = leaf.global_position;

    LOOP
        node := node / 2;
        node_level := node_level + 1;
        EXIT WHEN NOT EXISTS (SELECT 1 FROM integrity_node WHERE level = node_level AND node_index = node);
        IF node_level = 1 THEN
            SELECT hash INTO left_hash FROM integrity_leaf WHERE leaf_index = 2 * node;
            SELECT hash INTO right_hash FROM integrity_leaf WHERE leaf_index = 2 * node + 1;
        ELSE
            SELECT hash INTO left_hash FROM integrity_node WHERE level = node_level - 1 AND node_index = 2 * node;
            SELECT hash INTO right_hash FROM integrity_node WHERE level = node_level - 1 AND node_index = 2 * node + 1;
        END IF;
        UPDATE integrity_node SET hash = sha256('\x01'::bytea || left_hash || right_hash)
        WHERE level = node_level AND node_index = node;
    END LOOP;
END $$;
