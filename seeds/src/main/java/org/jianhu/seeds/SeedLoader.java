package org.jianhu.seeds;

import java.time.Duration;

/**
 * Loads the demo portfolio through the gateway's public API and reports what supervision made of it.
 * {@code java -jar seeds-<version>.jar [--gateway http://localhost:8080] [--wait-seconds 180]}.
 * Exits 1 when a step is refused or supervision does not catch up in time.
 */
public final class SeedLoader {

    private SeedLoader() {
    }

    public static void main(String[] args) {
        String gatewayUrl = option(args, "--gateway", "http://localhost:8080");
        Duration patience = Duration.ofSeconds(Long.parseLong(option(args, "--wait-seconds", "180")));
        try {
            Gateway gateway = new Gateway(gatewayUrl);
            Portfolio portfolio = Portfolio.load();
            PortfolioLoading.Loaded loaded = new PortfolioLoading(gateway, new Permissions(DemoUsers.load()))
                    .load(portfolio);
            System.out.printf("loaded %d projects through %s: %d steps applied, %d already there%n",
                    loaded.projects().size(), gatewayUrl, loaded.applied(), loaded.alreadyThere());
            Assessment.Outcome outcome = new Assessment(gateway).await(loaded, patience);
            outcome.projects().forEach(SeedLoader::print);
            System.out.printf("portfolio: GREEN %d, YELLOW %d, RED %d%n", count(outcome, "GREEN"),
                    count(outcome, "YELLOW"), count(outcome, "RED"));
        } catch (SeedFailure failure) {
            System.err.println("seed load failed: " + failure.getMessage());
            System.exit(1);
        }
    }

    private static void print(Assessment.ProjectOutcome project) {
        System.out.printf("  %-12s %-6s %-40s%s%n", project.seed().code(), project.level(),
                project.indicators().isEmpty() ? "-" : String.join(" ", project.indicators()),
                project.asExpected() ? "" : "  (designed as " + project.seed().expected().level() + " "
                        + project.seed().expected().indicators() + " on 2026-11-27; time-based rules move on)");
    }

    private static int count(Assessment.Outcome outcome, String level) {
        return outcome.levels().getOrDefault(level, 0);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return arg.substring(name.length() + 1);
            }
        }
        return fallback;
    }
}
