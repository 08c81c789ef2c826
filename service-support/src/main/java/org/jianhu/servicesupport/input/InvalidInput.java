package org.jianhu.servicesupport.input;

import java.util.Optional;

/** A request field the input policy refuses: answered 400 invalid-request naming the field; nothing is done. */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Throws when the policy found a fault with the field. */
    public static void refuseIf(String field, Optional<String> fault) {
        fault.ifPresent(message -> {
            throw new InvalidInput(field, message);
        });
    }

    public String field() {
        return field;
    }
}
