package org.jianhu.gateway.identity;

import org.jianhu.servicesupport.problem.CommonProblem;
import java.util.List;
import java.util.Map;

import org.jianhu.gateway.web.Problems;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Profile("dev")
class DevTokenController {

    record TokenRequest(String user) {
    }

    private final DevTokenIssuer issuer;
    private final DevTokenProperties properties;

    DevTokenController(DevTokenIssuer issuer, DevTokenProperties properties) {
        this.issuer = issuer;
        this.properties = properties;
    }

    /** The demo users to pick from, for the console's sign-in page. */
    @GetMapping("/dev/users")
    List<DemoUser> users() {
        return properties.users();
    }

    @PostMapping("/dev/token")
    ResponseEntity<Object> token(@RequestBody TokenRequest request) {
        return issuer.issue(request.user())
                .<ResponseEntity<Object>>map(token -> ResponseEntity.ok(Map.<String, Object>of(
                        "access_token", token,
                        "token_type", "Bearer",
                        "expires_in", issuer.lifetimeSeconds())))
                .orElseGet(() -> ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(Problems.of(CommonProblem.INVALID_REQUEST,
                                "no demo user '" + request.user() + "'", "/dev/token")));
    }
}
