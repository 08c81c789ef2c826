package org.jianhu.project.project;

import org.jianhu.servicesupport.paging.Page;
import org.jianhu.servicesupport.paging.PageRequest;
import org.jianhu.servicesupport.paging.Position;
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

    private final JdbcTemplate jdbc;

    public ProjectListings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of the projects the caller may read that region and status hold (each optional), by code and id, with
     * how many they hold in all (the register is small enough to count).
     */
    public Page<ListedProject> find(Actor caller, String region, String status, PageRequest page) {
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
        StringBuilder keyset = new StringBuilder();
        if (page.after().isPresent()) {
            Position after = page.after().get().expecting(2);
            keyset.append(" AND (code, project_id) > (?, ?)");
            pageArguments.add(after.text(0));
            pageArguments.add(after.text(1));
        }
        pageArguments.add(page.fetch());
        List<ListedProject> items = jdbc.query("SELECT project_id, code, title, type, region, owner_organisation, "
                        + "status, suspended, version FROM project_listing" + where + keyset
                        + " ORDER BY code, project_id LIMIT ?",
                (row, n) -> new ListedProject(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                        row.getBoolean(8), row.getLong(9)),
                pageArguments.toArray());
        return Page.of(items, page, project -> List.of(project.code(), project.projectId()))
                .withTotal(total == null ? 0 : total);
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
