package org.jianhu.servicesupport.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.jianhu.servicesupport.input.PolicyViolation;
import org.springframework.http.ProblemDetail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A request body that could not be read, said in plain words: where the JSON breaks, which field is of the wrong
 * kind (by its path, {@code items[0].date}) and what it takes, which key is given twice, which limit it passes.
 * Shared by the servlet services and the gateway, whatever reads the body.
 */
public final class UnreadableBodies {

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '([^']{1,100})'");

    private UnreadableBodies() {
    }

    public static ProblemDetail problem(Throwable cause) {
        if (cause instanceof StreamConstraintsException) {
            return CommonProblem.INVALID_REQUEST.detail("the body goes beyond what a request may hold: names of at most "
                    + "256 characters, at most 32 levels deep, numbers of at most 64 digits");
        }
        if (cause instanceof JsonParseException parse) {
            Matcher duplicate = DUPLICATE.matcher(parse.getOriginalMessage());
            if (duplicate.find()) {
                return FieldError.invalid(duplicate.group(1), duplicate.group(1) + " is given twice");
            }
            return CommonProblem.INVALID_REQUEST.detail("the body is not valid JSON (line "
                    + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")");
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return FieldError.invalid(field, field + " " + fieldFault(mapping));
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage().startsWith("Trailing token")) {
            return CommonProblem.INVALID_REQUEST.detail("the body has more after its JSON value");
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return CommonProblem.INVALID_REQUEST.detail("the body must be " + Expectations.of(mismatch.getTargetType()));
        }
        return CommonProblem.INVALID_REQUEST.detail(cause == null ? "the request needs a JSON body"
                : "the body is not valid JSON for this request");
    }

    private static String fieldFault(JsonMappingException mapping) {
        if (mapping instanceof PolicyViolation violation) {
            return violation.getOriginalMessage();
        }
        if (mapping instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (mapping instanceof InvalidFormatException format) {
            return "must be " + Expectations.of(format.getTargetType()) + ", not '" + format.getValue() + "'";
        }
        if (mapping instanceof ValueInstantiationException instantiation
                && instantiation.getCause() instanceof IllegalArgumentException illegal) {
            return "is not valid: " + illegal.getMessage();
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage().startsWith("Cannot map `null`")) {
            return "is required";
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            return "must be " + Expectations.of(mismatch.getTargetType());
        }
        return "is not valid";
    }

    private static String path(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
