package org.jianhu.verifier.audit;

/** A checkpoint an auditor kept: where it came from (a file name) and the signed note it holds. */
public record CheckpointFile(String source, String note) {
}
