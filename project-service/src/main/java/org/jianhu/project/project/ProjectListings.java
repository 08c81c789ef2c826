package org.jianhu.project.project;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Queries over the register of projects, each answering only what the caller may read. */
@Component
public class ProjectListings {

    public record ListedProject(String projectId, String code, String title, String type, String region,
                                String ownerOrganisation, String status, boolean suspended, long version) {
    }

    public record Page(List<ListedProject> items, int page, int size, long total) {
    }

    private final JdbcTemplate jdbc;

    public ProjectListings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page find(Actor caller, String region, String status, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> arguments = new ArrayList<>();
        readableBy(caller, where, arguments);
        if (region != null) {
            where.append(" AND region = ?");
            arguments.add(region);
        }
        if (status != null) {
            where.append(" AND status = ?");
            arguments.add(status);
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM project_listing" + where, Long.class,
                arguments.toArray());
        List<Object> pageArguments = new ArrayList<>(arguments);
        pageArguments.add(size);
        pageArguments.add((long) page * size);
        List<ListedProject> items = jdbc.query("SELECT project_id, code, title, type, region, owner_organisation, "
                        + "status, suspended, version FROM project_listing" + where
                        + " ORDER BY code LIMIT ? OFFSET ?",
                (row, n) -> new ListedProject(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                        row.getBoolean(8), row.getLong(9)),
                pageArguments.toArray());
        return new Page(items, page, size, total == null ? 0 : total);
    }

    /** {@link Actor#mayRead} as a condition on the register's rows. */
    private static void readableBy(Actor caller, StringBuilder where, List<Object> arguments) {
        if (caller.readsEverything()) {
            return;
        }
        if (Actor.OWNER.equals(caller.role()) && caller.organisation() != null) {
            where.append(" AND owner_organisation = ?");
            arguments.add(caller.organisation());
        } else if (Actor.SUPERVISOR.equals(caller.role())) {
            where.append(" AND (? = ANY (supervisors)");
            arguments.add(caller.user());
            if (caller.region() != null) {
                where.append(" OR region = ?");
                arguments.add(caller.region());
            }
            where.append(")");
        } else {
            where.append(" AND FALSE");
        }
    }
}
