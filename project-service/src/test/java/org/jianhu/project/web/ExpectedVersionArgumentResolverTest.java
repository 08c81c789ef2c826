package org.jianhu.project.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpectedVersionArgumentResolverTest {

    private final ExpectedVersionArgumentResolver resolver = new ExpectedVersionArgumentResolver();

    @Test
    void ifMatchNamesTheExpectedVersionAsAnEtagStrongOrWeak() {
        assertThat(resolve("\"3\"")).isEqualTo(new ExpectedVersion(3L));
        assertThat(resolve("W/\"3\"")).isEqualTo(new ExpectedVersion(3L));
    }

    @Test
    void withoutIfMatchOrWithAStarTheWriteIsUnconditional() {
        assertThat(resolve()).isEqualTo(new ExpectedVersion(null));
        assertThat(resolve("*")).isEqualTo(new ExpectedVersion(null));
    }

    @Test
    void ifMatchNamingNoSingleVersionIsMalformed() {
        assertThatThrownBy(() -> resolve("\"three\"")).isInstanceOf(Versions.MalformedIfMatch.class);
        assertThatThrownBy(() -> resolve("\"3\"", "\"4\"")).isInstanceOf(Versions.MalformedIfMatch.class);
    }

    private ExpectedVersion resolve(String... ifMatch) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/projects/p-1/progress");
        for (String value : ifMatch) {
            request.addHeader("If-Match", value);
        }
        return resolver.resolveArgument(null, null, new ServletWebRequest(request), null);
    }
}
