package org.jianhu.servicesupport.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * The bytes of a problem answer, as Spring MVC writes them (extra properties at the top level), for the
 * places that answer before MVC: servlet filters and the reactive gateway.
 */
public final class ProblemJson {

    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    private ProblemJson() {
    }

    public static byte[] bytes(ProblemDetail problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("a problem answer could not be written", unwritable);
        }
    }
}
