package org.jianhu.project.integrity.tree;

import java.time.Instant;

/** A leaf about to be stored: its index, the position and time of its event, its hash. */
record NewLeaf(long index, long globalPosition, Instant recordedAt, byte[] hash) {
}
