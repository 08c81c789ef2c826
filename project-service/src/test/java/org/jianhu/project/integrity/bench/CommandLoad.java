package org.jianhu.project.integrity.bench;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;
import org.jianhu.project.progress.ReportProgressCommand;
import org.jianhu.project.project.RegisterProjectCommand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The write path at its peak, as the write-path benchmark drives it: progress reports through Axon's command gateway,
 * each thread writing to its own project, one transaction per command.
 */
final class CommandLoad {

    private static final Map<String, Object> OWNER = Map.of("actorUser", "bench", "actorRole", "owner",
            "actorOrganisation", "bench-owner", "correlationId", "bench-integrity");
    private static final Map<String, Object> ADMIN = Map.of("actorUser", "bench-admin", "actorRole", "admin",
            "correlationId", "bench-integrity");

    private final CommandGateway commands;
    private final List<String> projects;

    CommandLoad(CommandGateway commands, int threads) {
        this.commands = commands;
        this.projects = IntStream.range(0, threads).mapToObj(this::register).toList();
    }

    /** @return events appended per second */
    double append(int events) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(projects.size());
        try {
            List<Callable<Void>> work = IntStream.range(0, projects.size()).mapToObj(writer -> (Callable<Void>) () -> {
                for (int i = writer; i < events; i += projects.size()) {
                    commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ReportProgressCommand(
                            projects.get(writer), null, BigDecimal.valueOf(i % 100), LocalDate.of(2025, 6, 1)))
                            .andMetaData(OWNER));
                }
                return null;
            }).toList();
            long start = System.nanoTime();
            for (Future<Void> done : writers.invokeAll(work)) {
                done.get();
            }
            return events / seconds(start);
        } finally {
            writers.shutdown();
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private String register(int writer) {
        String projectId = UUID.randomUUID().toString();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterProjectCommand(projectId,
                "INTEGRITY-" + writer + "-" + projectId.substring(0, 8), "Integrity benchmark", "construction",
                "bench", "bench-owner", Money.cny("1000000.00"),
                new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1)), List.of("sup"))).andMetaData(ADMIN));
        return projectId;
    }
}
