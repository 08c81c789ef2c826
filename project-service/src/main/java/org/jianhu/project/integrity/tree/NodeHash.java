package org.jianhu.project.integrity.tree;

import org.jianhu.verifier.tree.Node;

/** A complete subtree above the leaves and its hash, about to be stored. */
record NodeHash(Node node, byte[] hash) {
}
