package org.jianhu.seeds;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The demo users of {@code demo-users.yml} (the file the gateway's dev token issuer reads). */
public final class DemoUsers {

    private final Map<String, DemoUser> byId = new LinkedHashMap<>();

    public DemoUsers(List<DemoUser> users) {
        users.forEach(user -> {
            if (byId.put(user.id(), user) != null) {
                throw new IllegalArgumentException("demo user " + user.id() + " is listed twice");
            }
        });
    }

    public static DemoUsers load() {
        try (InputStream in = SeedFiles.open("demo-users.yml")) {
            JsonNode users = SeedFiles.YAML.readTree(in).at("/jianhu/dev-tokens/users");
            var list = new ArrayList<DemoUser>();
            for (JsonNode user : users) {
                list.add(SeedFiles.YAML.treeToValue(user, DemoUser.class));
            }
            return new DemoUsers(list);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read demo-users.yml", unreadable);
        }
    }

    public Optional<DemoUser> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<DemoUser> all() {
        return List.copyOf(byId.values());
    }
}
