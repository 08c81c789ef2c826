package org.jianhu.project.integrity.tree;

import org.jianhu.verifier.tree.Frontier;
import org.jianhu.verifier.tree.Node;
import org.jianhu.verifier.tree.NodeSource;
import org.jianhu.verifier.tree.Proofs;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tree in PostgreSQL (tables {@code integrity_tree}, {@code integrity_leaf}, {@code integrity_node}): leaves and
 * every complete subtree above them, each written once. Roots and proofs read only the few subtrees they need.
 */
public class StoredTree implements NodeSource {

    private final JdbcTemplate jdbc;

    public StoredTree(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public TreePosition position() {
        return jdbc.queryForObject("SELECT size, CAST(last_tx_id AS text), last_global_index FROM integrity_tree",
                (row, n) -> new TreePosition(row.getLong(1), row.getString(2), row.getLong(3)));
    }

    public long size() {
        return position().size();
    }

    public Proofs proofs() {
        return new Proofs(this);
    }

    /** The leaf the event at this global position is; the latest, should the position have been used twice. */
    public Optional<Long> leafOf(long globalPosition) {
        return jdbc.query("SELECT leaf_index FROM integrity_leaf WHERE global_position = ? "
                        + "ORDER BY leaf_index DESC LIMIT 1", (row, n) -> row.getLong(1), globalPosition)
                .stream().findFirst();
    }

    public byte[] leafHash(long leafIndex) {
        return jdbc.queryForObject("SELECT hash FROM integrity_leaf WHERE leaf_index = ?", byte[].class, leafIndex);
    }

    /** When the events of leaves {@code from} (inclusive) to {@code to} (exclusive) were recorded. */
    public List<Instant> recordedAt(long from, long to) {
        return jdbc.query("SELECT recorded_at FROM integrity_leaf WHERE leaf_index >= ? AND leaf_index < ?",
                (row, n) -> row.getTimestamp(1).toInstant(), from, to);
    }

    Frontier frontier(long size) {
        return Frontier.of(size, hashes(Frontier.nodesAt(size)));
    }

    /** Stores new leaves and the subtrees they complete, and moves the tree's position on, in one statement each. */
    void append(List<NewLeaf> leaves, List<NodeHash> nodes, TreePosition moved) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO integrity_leaf "
                    + "(leaf_index, global_position, recorded_at, hash) SELECT * FROM unnest(?, ?, ?, ?)")) {
                insert.setArray(1, longs(connection, leaves.stream().map(NewLeaf::index).toList()));
                insert.setArray(2, longs(connection, leaves.stream().map(NewLeaf::globalPosition).toList()));
                insert.setArray(3, connection.createArrayOf("timestamptz",
                        leaves.stream().map(leaf -> leaf.recordedAt().toString()).toArray(String[]::new)));
                insert.setArray(4, connection.createArrayOf("bytea",
                        leaves.stream().map(NewLeaf::hash).toArray(byte[][]::new)));
                insert.executeUpdate();
            }
            if (!nodes.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO integrity_node "
                        + "(level, node_index, hash) SELECT * FROM unnest(?, ?, ?)")) {
                    insert.setArray(1, shorts(connection, nodes.stream().map(node -> node.node().level()).toList()));
                    insert.setArray(2, longs(connection, nodes.stream().map(node -> node.node().index()).toList()));
                    insert.setArray(3, connection.createArrayOf("bytea",
                            nodes.stream().map(NodeHash::hash).toArray(byte[][]::new)));
                    insert.executeUpdate();
                }
            }
            return null;
        });
        jdbc.update("UPDATE integrity_tree SET size = ?, last_tx_id = CAST(? AS xid8), last_global_index = ?",
                moved.size(), moved.lastTxId(), moved.lastGlobalIndex());
    }

    @Override
    public Map<Node, byte[]> hashes(Collection<Node> nodes) {
        Map<Node, byte[]> hashes = new HashMap<>();
        if (nodes.isEmpty()) {
            return hashes;
        }
        List<Node> leaves = nodes.stream().filter(node -> node.level() == 0).toList();
        List<Node> inner = nodes.stream().filter(node -> node.level() > 0).toList();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 0, leaf_index, hash FROM integrity_leaf WHERE leaf_index = ANY (?) "
                            + "UNION ALL SELECT n.level, n.node_index, n.hash FROM integrity_node n "
                            + "JOIN unnest(?, ?) AS wanted (level, node_index) "
                            + "ON n.level = wanted.level AND n.node_index = wanted.node_index")) {
                select.setArray(1, longs(connection, leaves.stream().map(Node::index).toList()));
                select.setArray(2, shorts(connection, inner.stream().map(Node::level).toList()));
                select.setArray(3, longs(connection, inner.stream().map(Node::index).toList()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        hashes.put(new Node(rows.getInt(1), rows.getLong(2)), rows.getBytes(3));
                    }
                }
            }
            return null;
        });
        if (hashes.size() != nodes.size()) {
            throw new IllegalStateException("the stored tree lacks " + (nodes.size() - hashes.size())
                    + " of the subtrees asked for: rows of integrity_leaf or integrity_node are missing");
        }
        return hashes;
    }

    private static Array longs(Connection connection, List<Long> values) throws SQLException {
        return connection.createArrayOf("int8", values.toArray(Long[]::new));
    }

    private static Array shorts(Connection connection, List<Integer> values) throws SQLException {
        return connection.createArrayOf("int2", values.stream().map(Integer::shortValue).toArray(Short[]::new));
    }
}
