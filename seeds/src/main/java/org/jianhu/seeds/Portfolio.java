package org.jianhu.seeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo portfolio of {@code portfolio.yml}, its projects in load order, and the day its story was
 * written to end on (see {@link StoryCalendar}).
 */
public record Portfolio(Map<String, Integer> expected, LocalDate designedFor, List<ProjectSeed> projects) {

    /** Supervision's days are Shanghai days. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private record Index(Map<String, Integer> expected, LocalDate designedFor, List<String> projects) {
    }

    /** A portfolio whose story ends today: its dates are loaded as written. */
    public Portfolio(Map<String, Integer> expected, List<ProjectSeed> projects) {
        this(expected, LocalDate.now(ZONE), projects);
    }

    public static Portfolio load() {
        try (InputStream in = SeedFiles.open("portfolio.yml")) {
            Index index = SeedFiles.YAML.readValue(in, Index.class);
            var projects = new ArrayList<ProjectSeed>();
            for (String file : index.projects()) {
                projects.add(project(file));
            }
            return new Portfolio(index.expected(), index.designedFor(), projects);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read portfolio.yml", unreadable);
        }
    }

    private static ProjectSeed project(String file) throws IOException {
        try (InputStream in = SeedFiles.open(file)) {
            return SeedFiles.YAML.readValue(in, ProjectSeed.class);
        } catch (IOException unreadable) {
            throw new IOException(file + ": " + unreadable.getMessage(), unreadable);
        }
    }
}
