package org.jianhu.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** What to start: an engine runs only when its port is given. */
record Options(OptionalInt postgresPort, OptionalInt rabbitPort, Path dataDir, List<String> databases) {

    static final String USAGE = """
            usage: java -jar local-infrastructure.jar [--postgres-port 5432] [--rabbit-port 5672]
                   [--data-dir .jianhu/local] [--database NAME]...
              --postgres-port  start an embedded PostgreSQL (user postgres, trust) on this port
              --rabbit-port    start an in-JVM AMQP 0-9-1 broker (guest/guest, virtual host /) on this port
              --data-dir       where both keep their files (default .jianhu/local)
              --database       a database to create in the embedded PostgreSQL unless it exists (repeatable)""";

    static Options parse(String... args) {
        OptionalInt postgresPort = OptionalInt.empty();
        OptionalInt rabbitPort = OptionalInt.empty();
        Path dataDir = Path.of(".jianhu", "local");
        List<String> databases = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            String value = valueOf(args, i);
            switch (args[i]) {
                case "--postgres-port" -> postgresPort = OptionalInt.of(port(value));
                case "--rabbit-port" -> rabbitPort = OptionalInt.of(port(value));
                case "--data-dir" -> dataDir = Path.of(value);
                case "--database" -> databases.add(databaseName(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (postgresPort.isEmpty() && rabbitPort.isEmpty()) {
            throw new IllegalArgumentException("nothing to start: give --postgres-port, --rabbit-port or both");
        }
        if (postgresPort.isEmpty() && !databases.isEmpty()) {
            throw new IllegalArgumentException("--database needs --postgres-port");
        }
        return new Options(postgresPort, rabbitPort, dataDir, List.copyOf(databases));
    }

    private static String valueOf(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value");
        }
        return args[i + 1];
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the value
        }
        throw new IllegalArgumentException("not a port: " + value);
    }

    // created with plain SQL, so only names that need no quoting
    private static String databaseName(String value) {
        if (!value.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a database name (lower case, digits, _): " + value);
        }
        return value;
    }
}
