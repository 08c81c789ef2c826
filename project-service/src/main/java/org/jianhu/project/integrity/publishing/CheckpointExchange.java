package org.jianhu.project.integrity.publishing;

/**
 * Where signed checkpoints are published, so that an auditor's own store (a witness) keeps them outside our
 * database: the durable topic exchange {@code <prefix>.integrity-checkpoints}, routing key {@code checkpoint}, one
 * persistent message per checkpoint whose body is the signed note (text/plain, UTF-8), message id
 * {@code <origin>/<size>}. At least once: a witness keeps the largest consistent one and ignores repeats.
 */
public final class CheckpointExchange {

    public static final String ROUTING_KEY = "checkpoint";
    public static final String HEADER_TREE_SIZE = "jianhu-tree-size";

    private CheckpointExchange() {
    }

    public static String name(String prefix) {
        return prefix + ".integrity-checkpoints";
    }
}
