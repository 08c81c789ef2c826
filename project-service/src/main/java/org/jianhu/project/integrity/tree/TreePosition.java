package org.jianhu.project.integrity.tree;

/**
 * How far the tree has followed the log: its size, and the reading position ({@code tx_id}, {@code global_index})
 * of the event that became its last leaf. Transaction ids travel as text, since JDBC has no {@code xid8}.
 */
public record TreePosition(long size, String lastTxId, long lastGlobalIndex) {
}
