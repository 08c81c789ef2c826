package org.jianhu.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How the payload and meta-data columns are typed. The serializer is asked for the matching Java
 * type, so a Jackson serializer writes JSON text straight into {@code jsonb}.
 */
public enum PayloadColumnType {

    BYTEA(byte[].class, "?") {
        @Override
        Object read(ResultSet row, String column) throws SQLException {
            return row.getBytes(column);
        }
    },

    /** Needs the payload and meta_data columns altered to {@code jsonb} and a JSON serializer. */
    JSONB(String.class, "CAST(? AS jsonb)") {
        @Override
        Object read(ResultSet row, String column) throws SQLException {
            return row.getString(column);
        }
    };

    private final Class<?> javaType;
    private final String placeholder;

    PayloadColumnType(Class<?> javaType, String placeholder) {
        this.javaType = javaType;
        this.placeholder = placeholder;
    }

    Class<?> javaType() {
        return javaType;
    }

    String placeholder() {
        return placeholder;
    }

    abstract Object read(ResultSet row, String column) throws SQLException;
}
