package org.jianhu.gateway.identity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("jianhu.dev-tokens")
record DevTokenProperties(@DefaultValue("PT1H") Duration lifetime, List<DemoUser> users) {

    DevTokenProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    Optional<DemoUser> user(String id) {
        return users.stream().filter(user -> user.id().equals(id)).findFirst();
    }
}
