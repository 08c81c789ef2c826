package org.jianhu.project.integrity.bench;

import org.jianhu.project.ProjectServiceApplication;
import org.jianhu.testsupport.Infrastructure;
import org.jianhu.testsupport.PostgresServer;
import org.jianhu.testsupport.RabbitBroker;
import org.jianhu.testsupport.TestIdentity;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project service as the integrity and export benchmarks run it: on a fresh database of its own, web on a random
 * port, the tree following and checkpoints signed only when the benchmark says so.
 */
public final class BenchService {

    private BenchService() {
    }

    static ConfigurableApplicationContext start(String databaseName) {
        return startOn(Infrastructure.postgres().createDatabase(databaseName));
    }

    /** On an existing {@code database}, with {@code more} arguments after the benchmarks' common ones. */
    public static ConfigurableApplicationContext startOn(String database, String... more) {
        ProjectServiceApplication.keepAxonFromPhoningHome();
        PostgresServer postgres = Infrastructure.postgres();
        RabbitBroker rabbit = Infrastructure.rabbit();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=" + postgres.user(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.rabbitmq.host=" + rabbit.host(),
                "--spring.rabbitmq.port=" + rabbit.port(),
                "--jianhu.amqp.prefix=bench." + database,
                "--jianhu.identity.secret=" + TestIdentity.SECRET,
                // the benchmark follows and signs on its own schedule, to measure each part alone first
                "--jianhu.integrity.enabled=false",
                "--jianhu.integrity.key-file=target/bench/" + database + ".pem",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(ProjectServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    /** {@code GET /api/events} as an auditor, into {@code file}. */
    static void exportTo(ConfigurableApplicationContext service, Path file) throws Exception {
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/events"));
        TestIdentity.headers("bench-auditor", "auditor").forEach(request::header);
        HttpResponse<Path> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofFile(file));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the export answered " + response.statusCode());
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
