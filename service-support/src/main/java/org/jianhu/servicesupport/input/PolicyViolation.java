package org.jianhu.servicesupport.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A value the input policy refuses while the body is read; its message is plain words, without the field. */
public class PolicyViolation extends JsonMappingException {

    public PolicyViolation(JsonParser parser, String fault) {
        super(parser, fault);
    }
}
