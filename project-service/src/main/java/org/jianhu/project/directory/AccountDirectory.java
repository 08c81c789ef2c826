package org.jianhu.project.directory;

import org.jianhu.project.project.Actor;
import org.jianhu.project.project.SupervisorAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user accounts of this deployment, read once from the users file ({@code jianhu.directory.users-file},
 * by default the demo users that the build copies from {@code seeds/demo-users.yml}). The file has the gateway's
 * shape: {@code jianhu.dev-tokens.users}, a list of {@code id, name, role, organisation, region}.
 */
@Component
public class AccountDirectory implements SupervisorAccounts {

    static final String USERS = "jianhu.dev-tokens.users";

    private final Map<String, Account> byId = new LinkedHashMap<>();

    @Autowired
    public AccountDirectory(@Value("${jianhu.directory.users-file}") Resource usersFile) {
        this(read(usersFile));
    }

    public AccountDirectory(List<Account> accounts) {
        for (Account account : accounts) {
            if (byId.put(account.id(), account) != null) {
                throw new IllegalArgumentException("account " + account.id() + " is listed twice");
            }
        }
    }

    public Optional<Account> find(String userId) {
        return Optional.ofNullable(byId.get(userId));
    }

    @Override
    public boolean isSupervisor(String userId) {
        return find(userId).map(account -> Actor.SUPERVISOR.equals(account.role())).orElse(false);
    }

    /** A deployment without accounts could name no supervisor at all: refuse to start rather than every registration. */
    private static List<Account> read(Resource usersFile) {
        try {
            var sources = new YamlPropertySourceLoader().load(usersFile.getDescription(), usersFile);
            List<Account> accounts = new Binder(ConfigurationPropertySources.from(sources))
                    .bind(USERS, Bindable.listOf(Account.class)).orElse(List.of());
            if (accounts.isEmpty()) {
                throw new IllegalStateException(usersFile.getDescription() + " lists no accounts under " + USERS);
            }
            return accounts;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the users file " + usersFile.getDescription(), unreadable);
        }
    }
}
