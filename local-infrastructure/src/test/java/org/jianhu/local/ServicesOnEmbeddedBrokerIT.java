package org.jianhu.local;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import org.jianhu.contracts.envelope.ProjectEventsExchange;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.servicesupport.identity.IdentityAssertion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three services, from their jars, on the embedded broker: the project service's relay publishes
 * with confirms, supervision's Spring AMQP listener declares its queue and consumes with manual acks,
 * the alert service declares and listens to its own. Needs the jars built and a PostgreSQL on
 * 127.0.0.1:5432 (user postgres, trust).
 */
class ServicesOnEmbeddedBrokerIT {

    private static final Path JARS = Path.of("..");
    private static final String SECRET = "local-infrastructure-test-identity-secret";
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final List<String> DATABASES = List.of("_project", "_supervision", "_alert");
    private static final List<String> SERVICES = List.of("project-service", "supervision-service", "alert-service");

    @TempDir
    Path dataDir;
    private final String prefix = "ltrial_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final List<Process> services = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalInfrastructure broker;

    @BeforeEach
    void requireJarsAndDatabase() {
        // Built before this module in the reactor; PostgreSQL is what every integration test here needs.
        assertThat(SERVICES).as("service jars built (./mvnw -B verify builds them first)")
                .allMatch(service -> Files.exists(jar(service)));
        assertThat(listening(5432)).as("PostgreSQL on 127.0.0.1:5432").isTrue();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Process service : services) {
            service.destroy();
        }
        for (Process service : services) {
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        if (broker != null) {
            broker.close();
        }
        dropDatabases();
    }

    @Test
    void aRegisteredProjectReachesTheExchangeAndSupervision() throws Exception {
        int brokerPort = FreePorts.next();
        broker = LocalInfrastructure.start(new Options(OptionalInt.empty(), OptionalInt.of(brokerPort), dataDir,
                List.of()));
        createDatabases();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setPort(brokerPort);
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            String exchange = ProjectEventsExchange.name(prefix);
            channel.exchangeDeclare(exchange, "topic", true);
            String tap = channel.queueDeclare().getQueue();
            channel.queueBind(tap, exchange, "#");

            int projectPort = FreePorts.next();
            int supervisionPort = FreePorts.next();
            int alertPort = FreePorts.next();
            Instant starting = Instant.now();
            start("project-service", projectPort, brokerPort, prefix + "_project");
            start("supervision-service", supervisionPort, brokerPort, prefix + "_supervision",
                    "--jianhu.project-service.url=http://localhost:" + projectPort);
            start("alert-service", alertPort, brokerPort, prefix + "_alert");
            awaitReady(projectPort);
            awaitReady(supervisionPort);
            awaitReady(alertPort);
            System.out.printf("the services were ready on the embedded broker after %d s%n",
                    Duration.between(starting, Instant.now()).toSeconds());
            assertThat(channel.consumerCount(prefix + ".alerts.risk-signals")).isEqualTo(1);

            HttpResponse<String> registered = http.send(signed(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + projectPort + "/api/projects")), "admin-chen", "admin")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(registration())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            String location = registered.headers().firstValue("Location").orElseThrow();
            String projectId = location.substring(location.lastIndexOf('/') + 1);

            GetResponse event = awaitMessage(channel, tap);
            Map<String, Object> headers = event.getProps().getHeaders();
            assertThat(headers.get(ProjectEventsExchange.HEADER_PROJECT_ID)).hasToString(projectId);
            assertThat(headers.get(ProjectEventsExchange.HEADER_EVENT_ID)).hasToString(event.getProps().getMessageId());
            assertThat(headers.get(ProjectEventsExchange.HEADER_SEQUENCE_NUMBER)).isEqualTo(0L);
            assertThat(event.getEnvelope().getRoutingKey()).startsWith(ProjectEventsExchange.ROUTING_KEY_PREFIX);

            assertThat(awaitRiskView(supervisionPort, projectId)).contains("NB-LT-001");
            assertThat(channel.messageCount(prefix + ".supervision.project-events")).isZero();
        }
    }

    /** Each service's management port (health, metrics), by its service port. */
    private final java.util.Map<Integer, Integer> managementPorts = new java.util.concurrent.ConcurrentHashMap<>();

    private void start(String service, int port, int brokerPort, String database, String... more) throws IOException {
        Path logs = Path.of("target", "service-logs");
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Daxoniq.update-checker.disabled=true", "-jar", jar(service).toString(),
                "--server.port=" + port,
                "--management.server.port=" + managementPorts.computeIfAbsent(port, any -> FreePorts.next()),
                "--spring.datasource.url=" + POSTGRES + database,
                "--spring.datasource.username=postgres",
                "--spring.rabbitmq.host=localhost",
                "--spring.rabbitmq.port=" + brokerPort,
                "--jianhu.amqp.prefix=" + prefix,
                "--jianhu.identity.secret=" + SECRET));
        command.addAll(List.of(more));
        services.add(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(service + "-" + port + ".log").toFile()).start());
    }

    private void awaitReady(int port) {
        await("the service on port " + port + " ready").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                    assertThat(services).allMatch(Process::isAlive, "still running (see target/service-logs)");
                    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPorts.get(port)
                            + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200;
                });
    }

    private String awaitRiskView(int port, String projectId) {
        return await("supervision showing the project").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> http.send(signed(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/risk/projects/" + projectId)), "aud-sun", "auditor")
                        .build(), HttpResponse.BodyHandlers.ofString()), view -> view.statusCode() == 200).body();
    }

    private static HttpRequest.Builder signed(HttpRequest.Builder request, String user, String role) {
        new IdentityAssertion(SECRET, Duration.ofMinutes(5))
                .headers(new CallerIdentity(user, role, null, null), Instant.now()).forEach(request::header);
        return request;
    }

    private static String registration() {
        return """
                {"code": "NB-LT-001", "title": "Harbour bridge", "type": "construction", "region": "Haishu",
                 "ownerOrganisation": "transport-bureau", "budget": {"amount": "120000000.00", "currency": "CNY"},
                 "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2027-12-31"}, "supervisors": ["sup-li"]}""";
    }

    private static GetResponse awaitMessage(Channel channel, String queue) {
        return await("a project event on the embedded broker").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).until(() -> channel.basicGet(queue, true), Objects::nonNull);
    }

    private void createDatabases() throws SQLException {
        try (var connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            for (String database : DATABASES) {
                statement.execute("CREATE DATABASE " + prefix + database);
            }
        }
    }

    private void dropDatabases() throws SQLException {
        try (var connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            for (String database : DATABASES) {
                statement.execute("DROP DATABASE IF EXISTS " + prefix + database + " WITH (FORCE)");
            }
        }
    }

    private static Path jar(String service) {
        return JARS.resolve(service).resolve("target").resolve(service + "-0.1.0-SNAPSHOT.jar");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
