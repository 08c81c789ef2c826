package org.jianhu.project.bench.portfolio;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jianhu.project.bench.portfolio.PlannedProject.Planned;
import org.jianhu.project.bench.portfolio.PlannedProject.Risk;
import org.jianhu.project.project.CancelProjectCommand;
import org.jianhu.project.project.RecordCompletionCommand;
import org.jianhu.project.project.ResumeProjectCommand;
import org.jianhu.project.project.SuspendProjectCommand;
import org.jianhu.servicesupport.web.CorrelationIds;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records a portfolio through the project service's own command path, in-process: each command through Axon's
 * command gateway to the project, with the metadata the web layer's {@code CommandDispatcher} gives it (the acting
 * user, role and organisation, and a correlation id), so every event is what the aggregate stores for a real caller.
 * Several threads, each on one project at a time, as owners of different projects would.
 *
 * <p>Loading again records nothing twice: a project whose code is registered is taken up after the events it
 * already has (each command records one event), so a complete one is skipped and one cut short by a stopped run is
 * completed. A code registered for another project is left alone.
 */
final class PortfolioLoad {

    /** What a load did: projects recorded (in full or the rest of), skipped as complete, events appended. */
    record Loaded(int recorded, int skipped, long events, double seconds, Map<Risk, Integer> risks,
                  Map<String, Integer> endings) {

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final int threads;

    PortfolioLoad(CommandGateway commands, JdbcTemplate jdbc, int threads) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.threads = threads;
    }

    Loaded load(Portfolio portfolio) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger recorded = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicLong events = new AtomicLong();
        Map<Risk, Integer> risks = new EnumMap<>(Risk.class);
        Map<String, Integer> endings = new HashMap<>();
        String correlationId = "portfolio-" + portfolio.seed();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < portfolio.size(); i = next.getAndIncrement()) {
                        PlannedProject project = portfolio.project(i);
                        synchronized (risks) {
                            risks.merge(project.risk(), 1, Integer::sum);
                            endings.merge(ending(project), 1, Integer::sum);
                        }
                        int appended = record(project, correlationId);
                        (appended == 0 ? skipped : recorded).incrementAndGet();
                        long total = events.addAndGet(appended);
                        if ((i + 1) % Math.max(1, portfolio.size() / 10) == 0) {
                            double seconds = (System.nanoTime() - start) / 1e9;
                            System.out.printf("  %,d of %,d projects, %,d events, %.0f s, %,.0f events/s%n", i + 1,
                                    portfolio.size(), total, seconds, total / seconds);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Loaded(recorded.get(), skipped.get(), events.get(), (System.nanoTime() - start) / 1e9, risks,
                endings);
    }

    /** @return the events appended: the project's commands after those it has recorded already */
    private int record(PlannedProject project, String correlationId) {
        int already = recordedEvents(project);
        if (already < 0) {
            return 0;
        }
        List<Planned> rest = project.commands().subList(Math.min(already, project.commands().size()),
                project.commands().size());
        for (Planned planned : rest) {
            Map<String, Object> metadata = new HashMap<>(planned.actor().asMetadata());
            metadata.put(CorrelationIds.MDC_KEY, correlationId);
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(planned.command()).andMetaData(metadata));
            } catch (RuntimeException refused) {
                throw new IllegalStateException("project " + project.code() + " refused " + planned.command(), refused);
            }
        }
        return rest.size();
    }

    /** @return how many events the project has recorded; -1 when its code belongs to another project */
    private int recordedEvents(PlannedProject project) {
        List<String> owner = jdbc.queryForList("SELECT project_id FROM project_code WHERE code = ?", String.class,
                project.code());
        if (owner.isEmpty()) {
            return 0;
        }
        if (!owner.get(0).equals(project.projectId())) {
            return -1;
        }
        Integer events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, project.projectId());
        return events == null ? 0 : events;
    }

    private static String ending(PlannedProject project) {
        Object last = project.commands().get(project.commands().size() - 1).command();
        if (last instanceof RecordCompletionCommand) {
            return "completed";
        }
        if (last instanceof CancelProjectCommand) {
            return "cancelled";
        }
        boolean suspended = false;
        for (Planned planned : project.commands()) {
            suspended = planned.command() instanceof SuspendProjectCommand
                    || suspended && !(planned.command() instanceof ResumeProjectCommand);
        }
        return suspended ? "suspended" : "under way";
    }
}
