package org.jianhu.project.oc4ids;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.project.MilestoneStatusReported;
import org.jianhu.contracts.project.ProjectLifecycle;
import org.jianhu.contracts.project.TransactionRecorded;
import org.jianhu.project.contract.AwardContractCommand;
import org.jianhu.project.contract.ModifyContractCommand;
import org.jianhu.project.funds.RecordTransactionCommand;
import org.jianhu.project.milestone.PlanMilestoneCommand;
import org.jianhu.project.milestone.ReportMilestoneStatusCommand;
import org.jianhu.project.progress.ReportProgressCommand;
import org.jianhu.project.project.ApproveProjectCommand;
import org.jianhu.project.project.RecordCompletionCommand;
import org.jianhu.project.project.RegisterProjectCommand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Reads one OC4IDS project as the commands that record it: its registration, then each fact as a {@link Step}.
 * It only translates structure; whether a value may be recorded (a code, a currency, a date) the commands decide,
 * and their refusals are reported at the package's field. What has no command to go to is reported here.
 */
final class ProjectMapping {

    static final String BUDGET_APPROVAL = "budgetApproval";
    static final String INDEPENDENT_MONITOR = "independentMonitor";
    private static final String PERCENT = "percent";
    /** UN/CEFACT's code for percent, as the OC4IDS examples write it. */
    private static final String PERCENT_CODE = "P1";

    /** A project as its commands: {@code registration} is null when the project is already registered. */
    record MappedProject(String code, String status, RegisterProjectCommand registration,
                         Map<String, String> registrationPaths, List<Step> steps) {
    }

    private final PackageNode project;
    private final String projectId;
    private final ImportReport.Builder report;
    private final Map<String, String> partyNames = new HashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private OrganisationReference owner;

    private ProjectMapping(PackageNode project, String projectId, ImportReport.Builder report) {
        this.project = project;
        this.projectId = projectId;
        this.report = report;
    }

    /**
     * @param registered whether the project is on the register already (then it is not registered again)
     * @param region     and {@code supervisors}: the registration's, which OC4IDS has no field for
     */
    static MappedProject map(PackageNode project, String projectId, boolean registered, String region,
                             List<String> supervisors, ImportReport.Builder report) {
        return new ProjectMapping(project, projectId, report).map(registered, region, supervisors);
    }

    private MappedProject map(boolean registered, String region, List<String> supervisors) {
        parties(supervisors);
        String code = project.text("id");
        String status = status();
        Period planned = project.period("period");
        project.object("publicAuthority").ifPresent(authority -> owner = reference(authority));
        Optional<PackageNode> budget = project.object("budget");
        Money budgetAmount = budget.map(b -> b.money("amount", report)).orElse(null);
        RegisterProjectCommand registration = new RegisterProjectCommand(projectId, code, project.text("title"),
                project.text("type"), region, owner == null ? null : owner.id(), budgetAmount, planned, supervisors);
        Map<String, String> registrationPaths = Map.of("code", project.path("id"), "title", project.path("title"),
                "type", project.path("type"), "ownerOrganisation", project.path("publicAuthority") + ".id",
                "budget", project.path("budget") + ".amount", "plannedPeriod", project.path("period"));
        budget.ifPresent(this::approval);
        project.objects("milestones").forEach(milestone -> milestone(milestone, null));
        project.objects("contractingProcesses").forEach(this::contractingProcess);
        project.objects("transactions").forEach(transaction -> transaction(transaction, null, null));
        project.objects("metrics").forEach(this::metric);
        project.objects("forecasts").forEach(forecast -> forecast(forecast, planned));
        project.object("completion").ifPresent(this::completion);
        project.reportUnread(report);
        return new MappedProject(code, status, registered ? null : registration, registrationPaths, steps);
    }

    /** Status follows from the facts in Jianhu; a status its lifecycle never reaches cannot be recorded. */
    private String status() {
        String status = project.text("status");
        if (status != null && !ProjectLifecycle.STATUSES.contains(status)) {
            report.problem(project.path("status"), status, "Jianhu's lifecycle has no status " + status
                    + " (it knows " + String.join(", ", ProjectLifecycle.STATUSES.codes()) + ")");
        } else if (ProjectLifecycle.CANCELLED.equals(status)) {
            report.problem(project.path("status"), status, "a cancellation is recorded with its date and reason, "
                    + "which OC4IDS does not carry");
        }
        return status;
    }

    /** Names of parties by identifier, for references that give only the identifier. */
    private void parties(List<String> supervisors) {
        for (PackageNode party : project.objects("parties")) {
            String id = party.text("id");
            String name = party.text("name");
            if (id != null && name != null) {
                partyNames.put(id, name);
            }
            List<String> roles = party.texts("roles");
            if (roles.contains(INDEPENDENT_MONITOR) && (supervisors == null || !supervisors.contains(id))) {
                report.notKept(party.path("roles"), id, "a project's supervisors are the accounts the request "
                        + "names (supervisors); this independent monitor is not one of them");
            }
        }
    }

    private OrganisationReference reference(PackageNode reference) {
        String id = reference.text("id");
        String name = reference.text("name");
        if (id == null && name == null) {
            return null;
        }
        if (id == null) {
            return new OrganisationReference(name, name);
        }
        return new OrganisationReference(id, name != null ? name : partyNames.getOrDefault(id, id));
    }

    private void approval(PackageNode budget) {
        LocalDate approvalDate = budget.date("approvalDate");
        List<PackageNode> approvals = new ArrayList<>();
        for (PackageNode document : project.objects("documents")) {
            if (BUDGET_APPROVAL.equals(document.text("documentType"))) {
                approvals.add(document);
            } else {
                report.notKept(document.path(), document.text("id"), PackageNode.NO_PLACE);
                document.pass("id", "title", "description", "url", "datePublished", "dateModified", "format",
                        "language", "author", "accessDetails", "pageStart", "pageEnd");
            }
        }
        if (approvalDate == null) {
            approvals.forEach(document -> report.notKept(document.path(), document.text("id"),
                    "the project's approval is recorded with budget.approvalDate, which the package does not give"));
            return;
        }
        PackageNode document = approvals.isEmpty() ? null : approvals.get(0);
        approvals.stream().skip(1).forEach(other -> report.problem(other.path(), other.text("id"),
                "a project is approved once; the first budgetApproval document is its approval"));
        String number = document == null ? null : document.text("id");
        if (document != null) {
            document.pass("title");
        }
        steps.add(new Step(budget.path("approvalDate"), new ApproveProjectCommand(projectId, null, approvalDate,
                number), approvalDate, Step.Rank.APPROVAL, Map.of("approvalDate", budget.path("approvalDate"),
                "approvalDocumentNumber", document == null ? project.path("documents") : document.path("id"))));
    }

    /** A milestone of a contracting process becomes one of the project, named within its process. */
    private void milestone(PackageNode milestone, String contractingProcessId) {
        String id = contractingProcessId == null ? milestone.text("id")
                : contractingProcessId + ":" + milestone.text("id");
        LocalDate dueDate = milestone.date("dueDate");
        Money value = milestone.money("value", report);
        steps.add(new Step(milestone.path(), new PlanMilestoneCommand(projectId, null, id, milestone.text("title"),
                milestone.text("type"), milestone.text("code"), dueDate, value), null, Step.Rank.PLANNING,
                paths(milestone, "milestoneId", "id", "title", "title", "type", "type", "code", "code",
                        "dueDate", "dueDate", "value", "value")));
        String status = milestone.text("status");
        if (status == null || MilestoneStatusReported.SCHEDULED.equals(status)) {
            milestone.pass("dateMet");
            return;
        }
        LocalDate dateMet = milestone.date("dateMet");
        boolean met = MilestoneStatusReported.MET.equals(status);
        LocalDate reported = met ? dateMet : Optional.ofNullable(milestone.date("dateModified")).orElse(dueDate);
        steps.add(new Step(milestone.path("status"), new ReportMilestoneStatusCommand(projectId, null, id, status,
                met ? dateMet : null), reported, Step.Rank.MILESTONE_STATUS,
                paths(milestone, "status", "status", "dateMet", "dateMet", "milestoneId", "id")));
    }

    private void contractingProcess(PackageNode process) {
        String contractId = process.text("id");
        PackageNode summary = process.object("summary").orElse(null);
        if (summary == null) {
            report.problem(process.path(), contractId, "a contracting process is recorded from its summary, "
                    + "which it does not have");
            return;
        }
        summary.pass("ocid");
        List<String> natures = summary.texts("nature");
        if (natures.size() > 1) {
            report.problem(summary.path("nature"), String.join(", ", natures),
                    "Jianhu records one nature per contract");
        }
        PackageNode tender = summary.object("tender")
                .orElseGet(() -> new PackageNode(JsonNodeFactory.instance.objectNode(), summary.path("tender")));
        List<PackageNode> suppliers = summary.objects("suppliers");
        if (suppliers.size() > 1) {
            report.problem(summary.path("suppliers"), suppliers.size() + " suppliers",
                    "Jianhu records one supplier per contract");
        }
        OrganisationReference supplier = suppliers.isEmpty() ? null : reference(suppliers.get(0));
        LocalDate dateSigned = summary.date("dateSigned");
        Map<String, String> fieldPaths = new LinkedHashMap<>(paths(summary, "nature", "nature",
                "supplier", "suppliers", "contractValue", "contractValue", "contractPeriod", "contractPeriod",
                "dateSigned", "dateSigned"));
        fieldPaths.putAll(paths(tender, "procurementMethod", "procurementMethod",
                "numberOfTenderers", "numberOfTenderers", "tenderPeriod", "tenderPeriod",
                "costEstimate", "costEstimate"));
        fieldPaths.put("contractId", process.path("id"));
        String numberOfTenderers = tender.text("numberOfTenderers");
        steps.add(new Step(process.path(), new AwardContractCommand(projectId, null, contractId,
                natures.isEmpty() ? null : natures.get(0), tender.text("procurementMethod"),
                numberOfTenderers == null ? null : Integer.valueOf(numberOfTenderers), tender.period("tenderPeriod"),
                tender.money("costEstimate", report), supplier, summary.money("contractValue", report),
                summary.period("contractPeriod"), dateSigned), dateSigned, Step.Rank.AWARD, fieldPaths));
        for (PackageNode modification : summary.objects("modifications")) {
            modification(modification, contractId);
        }
        Map<String, String> processMilestones = new HashMap<>();
        for (PackageNode milestone : summary.objects("milestones")) {
            processMilestones.put(milestone.text("id"), contractId + ":" + milestone.text("id"));
            milestone(milestone, contractId);
        }
        summary.objects("transactions").forEach(transaction -> transaction(transaction, contractId,
                processMilestones));
    }

    /** The old value and period are the record's own (the change order states only the new ones). */
    private void modification(PackageNode modification, String contractId) {
        modification.pass("oldContractValue", "oldContractPeriod");
        LocalDate date = modification.date("date");
        steps.add(new Step(modification.path(), new ModifyContractCommand(projectId, null, contractId,
                modification.text("id"), date, modification.text("type"), modification.text("description"),
                modification.text("rationale"), modification.money("newContractValue", report),
                modification.period("newContractPeriod")), date, Step.Rank.MODIFICATION,
                paths(modification, "modificationId", "id", "date", "date", "type", "type",
                        "description", "description", "rationale", "rationale",
                        "newContractValue", "newContractValue", "newContractPeriod", "newContractPeriod")));
    }

    /**
     * A transaction of a contracting process pays its supplier; one of the project is an appropriation when it
     * is paid to the project's owner (funds coming in), otherwise a payment out.
     */
    private void transaction(PackageNode transaction, String contractId, Map<String, String> processMilestones) {
        OrganisationReference payer = transaction.object("payer").map(this::reference).orElse(null);
        OrganisationReference payee = transaction.object("payee").map(this::reference).orElse(null);
        String kind = contractId == null && payee != null && payee.sameParty(owner)
                ? TransactionRecorded.APPROPRIATION : TransactionRecorded.PAYMENT;
        String milestoneId = transaction.object("relatedImplementationMilestone").map(reference -> {
            reference.pass("title");
            String id = reference.text("id");
            return processMilestones == null ? id : processMilestones.getOrDefault(id, id);
        }).orElse(null);
        LocalDate date = transaction.date("date");
        steps.add(new Step(transaction.path(), new RecordTransactionCommand(projectId, null, transaction.text("id"),
                kind, date, transaction.money("value", report), payer, payee, contractId, milestoneId), date,
                Step.Rank.TRANSACTION, paths(transaction, "transactionId", "id", "date", "date", "value", "value",
                "payer", "payer", "payee", "payee", "milestoneId", "relatedImplementationMilestone")));
    }

    private void metric(PackageNode metric) {
        if (!PlannedProgress.METRIC.equals(metric.text("id"))) {
            report.notKept(metric.path(), metric.text("id"), "Jianhu observes physical progress only; financial "
                    + "progress it derives from the payments");
            metric.pass("title", "description", "observations");
            return;
        }
        metric.pass("title", "description");
        for (PackageNode observation : metric.objects("observations")) {
            Optional<PlannedProgress.Point> point = point(observation);
            point.ifPresent(p -> steps.add(new Step(observation.path(), new ReportProgressCommand(projectId, null,
                    p.percent(), p.date()), p.date(), Step.Rank.PROGRESS,
                    paths(observation, "physicalProgress", "measure", "date", "period"))));
        }
    }

    /** A forecast is planned progress; the record plans it by the project's period and keeps no other. */
    private void forecast(PackageNode forecast, Period planned) {
        forecast.pass("title", "description");
        List<PackageNode> observations = forecast.objects("observations");
        List<PlannedProgress.Point> points = new ArrayList<>();
        for (PackageNode observation : observations) {
            observation.pass("id", "measure", "unit", "period");
            point(observation).ifPresent(points::add);
        }
        List<PlannedProgress.Point> derived = PlannedProgress.of(planned);
        boolean sameAsPlanned = PlannedProgress.METRIC.equals(forecast.text("id")) && points.size() == derived.size()
                && IntStream.range(0, points.size()).allMatch(i -> points.get(i).date()
                .equals(derived.get(i).date()) && points.get(i).percent().compareTo(derived.get(i).percent()) == 0);
        if (!sameAsPlanned) {
            report.notKept(forecast.path(), forecast.text("id"), "Jianhu plans progress by the project's period "
                    + "(none at its start, all at its end) and keeps no other forecast");
        }
    }

    /** An observation of progress in percent, dated by the end of its period (or its start). */
    private Optional<PlannedProgress.Point> point(PackageNode observation) {
        observation.pass("id");
        String measure = observation.text("measure");
        String unit = observation.object("unit").map(u -> {
            u.pass("scheme", "uri");
            String name = u.text("name");
            return PERCENT_CODE.equals(u.text("id")) ? PERCENT : name;
        }).orElse(null);
        LocalDate date = observation.object("period").map(period -> {
            period.pass("durationInDays", "maxExtentDate");
            LocalDate start = period.date("startDate");
            LocalDate end = period.date("endDate");
            return end != null ? end : start;
        }).orElse(null);
        if (unit != null && !PERCENT.equalsIgnoreCase(unit)) {
            report.problem(observation.path("unit"), unit, "physical progress is recorded in percent");
            return Optional.empty();
        }
        BigDecimal percent;
        try {
            percent = measure == null ? null : new BigDecimal(measure.trim());
        } catch (NumberFormatException notANumber) {
            report.problem(observation.path("measure"), measure, "physical progress is a number of percent");
            return Optional.empty();
        }
        if (date == null) {
            report.problem(observation.path("period"), null, "an observation of progress needs its date "
                    + "(period.endDate or period.startDate)");
            return Optional.empty();
        }
        return Optional.of(new PlannedProgress.Point(date, percent));
    }

    private void completion(PackageNode completion) {
        LocalDate endDate = completion.date("endDate");
        steps.add(new Step(completion.path(), new RecordCompletionCommand(projectId, null, endDate,
                completion.money("finalValue", report), completion.text("finalScope")), endDate,
                Step.Rank.COMPLETION, paths(completion, "endDate", "endDate", "finalValue", "finalValue",
                "finalScope", "finalScope")));
    }

    /** Command field → the package's path, given as pairs (command field, field of this object). */
    private static Map<String, String> paths(PackageNode node, String... pairs) {
        Map<String, String> paths = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            paths.put(pairs[i], node.path(pairs[i + 1]));
        }
        return paths;
    }
}
