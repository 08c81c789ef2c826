package org.jianhu.project.directory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The accounts supervisors may be named from. Read once from a users file in the demo users' format
 * ({@code seeds/demo-users.yml}, which the jar carries); a deployment with its own directory points
 * {@code jianhu.directory.users-file} at an export of it, in the same shape.
 */
@Component
public class Accounts {

    static final String USERS = "jianhu.dev-tokens.users";

    private final Map<String, Account> byId;

    Accounts(@Value("${jianhu.directory.users-file:classpath:demo-users.yml}") Resource usersFile) {
        this.byId = read(usersFile).stream().collect(Collectors.toUnmodifiableMap(Account::id, Function.identity(),
                (first, second) -> first));
    }

    public Optional<Account> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static List<Account> read(Resource usersFile) {
        try {
            var sources = new YamlPropertySourceLoader().load("directory", usersFile);
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind(USERS, Bindable.listOf(Account.class)).orElse(List.of());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("the users file " + usersFile + " cannot be read", unreadable);
        }
    }
}
