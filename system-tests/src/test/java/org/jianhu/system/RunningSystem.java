package org.jianhu.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.testsupport.Infrastructure;
import org.jianhu.testsupport.PostgresServer;
import org.jianhu.testsupport.RabbitBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The whole of Jianhu as an operator runs it: the three services and the gateway (with its development
 * token issuer) from their jars, on fresh databases of the real PostgreSQL and private names on the real
 * RabbitMQ, sharing one identity secret. Tests talk to it only through the gateway, with tokens.
 */
final class RunningSystem implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String amqpPrefix;
    private String supervisionDatabase;
    private final List<RunningService> started = new ArrayList<>();
    private RunningService projectService;
    private RunningService supervisionService;
    private RunningService alertService;
    private RunningService gateway;

    private RunningSystem(String name) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        this.amqpPrefix = "t.system." + name + "." + tag;
    }

    /** Starts everything on fresh state; {@code name} tells this test's databases and logs apart. */
    static RunningSystem start(String name) throws IOException {
        return start(name, List.of());
    }

    /** As {@link #start(String)}, with more arguments for the gateway (say, a shorter token lifetime). */
    static RunningSystem start(String name, List<String> gatewayArguments) throws IOException {
        return start(name, gatewayArguments, List.of());
    }

    /** As {@link #start(String)}, with more arguments for the gateway and for the alert service. */
    static RunningSystem start(String name, List<String> gatewayArguments, List<String> alertArguments)
            throws IOException {
        RunningSystem system = new RunningSystem(name);
        try {
            system.startAll(name, gatewayArguments, alertArguments);
        } catch (RuntimeException | IOException failed) {
            system.close();
            throw failed;
        }
        return system;
    }

    private void startAll(String name, List<String> gatewayArguments, List<String> alertArguments)
            throws IOException {
        PostgresServer postgres = Infrastructure.postgres();
        RabbitBroker rabbit = Infrastructure.rabbit();
        String identitySecret = "system-test-identity-" + UUID.randomUUID();
        List<String> common = List.of("--spring.rabbitmq.host=" + rabbit.host(),
                "--spring.rabbitmq.port=" + rabbit.port(), "--spring.rabbitmq.username=" + rabbit.user(),
                "--spring.rabbitmq.password=" + rabbit.password(), "--jianhu.amqp.prefix=" + amqpPrefix,
                "--jianhu.identity.secret=" + identitySecret);
        projectService = started(RunningService.start("project-service", concat(common,
                database(postgres, postgres.createDatabase("t_system_" + name + "_project")))));
        supervisionDatabase = postgres.createDatabase("t_system_" + name + "_supervision");
        supervisionService = started(RunningService.start("supervision-service", concat(common,
                database(postgres, supervisionDatabase), List.of("--jianhu.project-service.url=" + projectService.url(),
                        // histories entered in one go (the seeds, an import) count as caught up after 15 quiet seconds
                        "--jianhu.assessment.catch-up-gap=15s", "--jianhu.assessment.catch-up-sweep-ms=1000"))));
        alertService = started(RunningService.start("alert-service", concat(common,
                database(postgres, postgres.createDatabase("t_system_" + name + "_alert")),
                // the tests' webhook receivers listen on 127.0.0.1 over http, which the destination policy refuses
                // unless the operator allows it
                List.of("--jianhu.delivery.poll-interval-ms=200", "--jianhu.webhooks.allowed-hosts=127.0.0.1/32",
                        "--jianhu.webhooks.allow-http=true"), alertArguments)));
        // the development issuer keeps its key, so that tokens outlive a restart of the gateway
        Path devKey = Files.createTempDirectory("jianhu-dev-key-").resolve("dev-signing.key");
        gateway = started(RunningService.start("gateway", concat(List.of("--spring.profiles.active=dev",
                "--jianhu.dev-tokens.key-file=" + devKey,
                "--jianhu.identity.secret=" + identitySecret,
                "--jianhu.services.project-url=" + projectService.url(),
                "--jianhu.services.supervision-url=" + supervisionService.url(),
                "--jianhu.services.alert-url=" + alertService.url()), gatewayArguments)));
    }

    private RunningService started(RunningService service) {
        started.add(service);
        return service;
    }

    String gatewayUrl() {
        return gateway.url();
    }

    /** One of the running processes, to kill and restart ({@code gateway} too). */
    RunningService process(String name) {
        return switch (name) {
            case "project-service" -> projectService;
            case "supervision-service" -> supervisionService;
            case "alert-service" -> alertService;
            case "gateway" -> gateway;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The URL of a service behind the gateway, for showing that it refuses to be called around it. */
    String serviceUrl(String name) {
        return switch (name) {
            case "project-service" -> projectService.url();
            case "supervision-service" -> supervisionService.url();
            case "alert-service" -> alertService.url();
            default -> throw new IllegalArgumentException(name);
        };
    }

    String amqpPrefix() {
        return amqpPrefix;
    }

    /** The supervision service's database, for looking into its outbox. */
    String supervisionDatabase() {
        return supervisionDatabase;
    }

    /** A bearer token for a demo user from the gateway's development issuer. */
    String token(String user) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(gatewayUrl() + "/dev/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\": \"" + user + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("no token for " + user + ": " + answer.body());
            }
            JsonNode token = JSON.readTree(answer.body());
            return token.get("access_token").asText();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Stops the gateway first, then the services in the reverse order of their start. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    static List<String> database(PostgresServer postgres, String database) {
        return List.of("--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=" + postgres.user(),
                "--spring.datasource.password=" + postgres.password());
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
