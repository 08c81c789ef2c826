package org.jianhu.project.integrity.checkpoint;

import java.time.Instant;

/** A checkpoint as the log keeps it: tree size, root, the signed note, when it was signed. */
public record StoredCheckpoint(long size, byte[] root, String note, Instant signedAt) {
}
