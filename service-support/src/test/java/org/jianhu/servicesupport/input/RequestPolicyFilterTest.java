package org.jianhu.servicesupport.input;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestPolicyFilterTest {

    private final RequestPolicyFilter filter = new RequestPolicyFilter();

    @Test
    void aParameterWithANulIsRefusedNamingIt() throws Exception {
        MockHttpServletResponse response = run(request("/api/alerts", "project", "p\u00001"));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString()).contains("\"field\":\"project\"")
                .contains("project must not contain control characters; found U+0000 at position 2");
    }

    @Test
    void anOverlongParameterIsRefused() throws Exception {
        assertThat(run(request("/api/risk/projects", "region", "x".repeat(1_001))).getStatus()).isEqualTo(400);
    }

    @Test
    void aPathWithAnEncodedControlCharacterIsRefused() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/projects/p%0A1");
        assertThat(run(request).getContentAsString()).contains("\"field\":\"path\"");
    }

    @Test
    void printableInputPasses() throws Exception {
        MockHttpServletResponse response = run(request("/api/risk/projects", "region", "海曙区"));
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void onlyTheApiIsJudged() throws Exception {
        assertThat(run(request("/actuator/health", "x", "\u0000")).getStatus()).isEqualTo(200);
    }

    private static MockHttpServletRequest request(String path, String parameter, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.addParameter(parameter, value);
        return request;
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
