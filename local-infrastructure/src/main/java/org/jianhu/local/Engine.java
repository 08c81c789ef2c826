package org.jianhu.local;

/** One started piece of infrastructure; closing it stops it. */
interface Engine extends AutoCloseable {

    /** One line for the operator: what runs, and where to reach it. */
    String describe();

    @Override
    void close();
}
