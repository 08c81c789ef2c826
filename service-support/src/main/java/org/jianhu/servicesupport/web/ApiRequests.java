package org.jianhu.servicesupport.web;

import jakarta.servlet.http.HttpServletRequest;

/** Which requests are the API's: what the identity check and the input policy judge (probes are not). */
public final class ApiRequests {

    private ApiRequests() {
    }

    public static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
