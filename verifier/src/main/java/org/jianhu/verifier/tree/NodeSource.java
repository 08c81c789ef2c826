package org.jianhu.verifier.tree;

import java.util.Collection;
import java.util.Map;

/** Where the hashes of complete subtrees are kept: in memory for the verifier, in PostgreSQL for the service. */
public interface NodeSource {

    /**
     * The hashes of the given nodes, all of them: every node asked for lies within the tree as it stands.
     *
     * @throws IllegalStateException when one is missing
     */
    Map<Node, byte[]> hashes(Collection<Node> nodes);
}
