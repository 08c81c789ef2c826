package org.jianhu.servicesupport.input;

import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Spring MVC reads request bodies with {@link StrictJson}. Only MVC's own converters are replaced: the service's
 * HTTP clients (supervision reading a project's history) keep reading what other services wrote as it is.
 */
public class StrictRequestBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter json) {
                converters.set(i, new MappingJackson2HttpMessageConverter(StrictJson.strict(json.getObjectMapper())));
            }
        }
    }
}
