package org.jianhu.supervision.access;

import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.supervision.risk.ProjectFacts;

import java.util.List;

/**
 * Which projects a caller may read: auditors, administrators and other services every one; an owner
 * those of its organisation; a supervisor those it is named on and those of its region. A project's
 * owner, region and supervisors are the ones its events last registered or reassigned (its facts).
 */
public final class ReadScope {

    private static final List<String> READ_EVERYTHING = List.of("auditor", "admin", CallerIdentity.SERVICE_ROLE);

    private final CallerIdentity caller;

    private ReadScope(CallerIdentity caller) {
        this.caller = caller;
    }

    public static ReadScope of(CallerIdentity caller) {
        return new ReadScope(caller);
    }

    /** @param facts null while nothing of the project is known */
    public boolean covers(ProjectFacts facts) {
        if (READ_EVERYTHING.contains(caller.role())) {
            return true;
        }
        if (facts == null) {
            return false;
        }
        if (caller.hasRole("owner")) {
            return caller.organisation() != null && caller.organisation().equals(facts.ownerOrganisation());
        }
        if (caller.hasRole("supervisor")) {
            return facts.supervisors().contains(caller.user())
                    || caller.region() != null && caller.region().equals(facts.region());
        }
        return false;
    }

    /** The same rule as a condition on a {@code risk_project.facts} column, for lists and sums. */
    public SqlCondition on(String factsColumn) {
        if (READ_EVERYTHING.contains(caller.role())) {
            return new SqlCondition("true", List.of());
        }
        if (caller.hasRole("owner") && caller.organisation() != null) {
            return new SqlCondition(factsColumn + " ->> 'ownerOrganisation' = ?", List.of(caller.organisation()));
        }
        if (caller.hasRole("supervisor")) {
            String named = factsColumn + " -> 'supervisors' @> jsonb_build_array(CAST(? AS text))";
            return caller.region() == null ? new SqlCondition(named, List.of(caller.user()))
                    : new SqlCondition("(" + named + " OR " + factsColumn + " ->> 'region' = ?)",
                    List.of(caller.user(), caller.region()));
        }
        return new SqlCondition("false", List.of());
    }

    public CallerIdentity caller() {
        return caller;
    }
}
