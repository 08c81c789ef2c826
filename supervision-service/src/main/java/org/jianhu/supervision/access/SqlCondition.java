package org.jianhu.supervision.access;

import java.util.List;

/** A piece of a WHERE clause and the values of its placeholders, in order. */
public record SqlCondition(String sql, List<Object> arguments) {

    public SqlCondition {
        arguments = List.copyOf(arguments);
    }
}
