package org.jianhu.project.oc4ids;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.project.ContractAwarded;
import org.jianhu.contracts.project.ContractModified;
import org.jianhu.contracts.project.MilestonePlanned;
import org.jianhu.contracts.project.MilestoneStatusReported;
import org.jianhu.contracts.project.ProgressReported;
import org.jianhu.contracts.project.ProjectApproved;
import org.jianhu.contracts.project.ProjectCompleted;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.contracts.project.ProjectLifecycle;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.contracts.project.SupervisorsReassigned;
import org.jianhu.contracts.project.TransactionRecorded;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A project's record as an OC4IDS 0.9.5 project package: what its events know, in the standard's names. Two
 * fields OC4IDS has no place for, an award's {@code dateSigned} and its tender's {@code tenderPeriod}, are written
 * under their OCDS names in the contracting process's summary (the schema admits further fields), so that a
 * package Jianhu exported imports back whole. Inspections have no OC4IDS object and are not exported.
 */
final class ProjectPackage {

    static final String VERSION = "0.9";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private record Contract(ContractAwarded award, List<ContractModified> modifications,
                            List<TransactionRecorded> payments) {
    }

    private ProjectRegistered registration;
    private List<String> supervisors = List.of();
    private ProjectApproved approval;
    private ProjectCompleted completion;
    private ProjectLifecycle lifecycle = ProjectLifecycle.UNREGISTERED;
    private final Map<String, MilestonePlanned> milestones = new LinkedHashMap<>();
    private final Map<String, MilestoneStatusReported> milestoneStatus = new LinkedHashMap<>();
    private final Map<String, Contract> contracts = new LinkedHashMap<>();
    private final List<TransactionRecorded> transactions = new ArrayList<>();
    private final List<ProgressReported> progress = new ArrayList<>();
    private final Map<String, String> partyNames = new LinkedHashMap<>();
    private final Map<String, Set<String>> partyRoles = new LinkedHashMap<>();

    private ProjectPackage() {
    }

    /**
     * @param events         the project's events in order, lifted to their current revision
     * @param publishedAt    when the record last changed (the package's publishedDate)
     * @param supervisorName a supervisor's name by account id (the id itself when unknown)
     */
    static ObjectNode of(List<ProjectEvent> events, Instant publishedAt, Function<String, String> supervisorName) {
        ProjectPackage project = new ProjectPackage();
        events.forEach(project::fold);
        ObjectNode projectPackage = JSON.objectNode();
        projectPackage.put("uri", "urn:jianhu:project:" + project.registration.projectId() + ":oc4ids");
        projectPackage.put("publishedDate", publishedAt.toString());
        projectPackage.putObject("publisher").put("name", "Jianhu");
        projectPackage.put("version", VERSION);
        projectPackage.putArray("projects").add(project.project(supervisorName));
        return projectPackage;
    }

    private void fold(ProjectEvent event) {
        lifecycle = lifecycle.after(event);
        if (event instanceof ProjectRegistered e) {
            registration = e;
            supervisors = e.supervisors();
        } else if (event instanceof SupervisorsReassigned e) {
            supervisors = e.supervisors();
        } else if (event instanceof ProjectApproved e) {
            approval = e;
        } else if (event instanceof ProjectCompleted e) {
            completion = e;
        } else if (event instanceof MilestonePlanned e) {
            milestones.put(e.milestoneId(), e);
        } else if (event instanceof MilestoneStatusReported e) {
            milestoneStatus.put(e.milestoneId(), e);
        } else if (event instanceof ContractAwarded e) {
            contracts.put(e.contractId(), new Contract(e, new ArrayList<>(), new ArrayList<>()));
        } else if (event instanceof ContractModified e) {
            contracts.get(e.contractId()).modifications().add(e);
        } else if (event instanceof TransactionRecorded e) {
            if (e.contractId() != null) {
                contracts.get(e.contractId()).payments().add(e);
            } else {
                transactions.add(e);
            }
        } else if (event instanceof ProgressReported e) {
            progress.add(e);
        }
    }

    private ObjectNode project(Function<String, String> supervisorName) {
        OrganisationReference owner = new OrganisationReference(registration.ownerOrganisation(),
                registration.ownerOrganisation());
        party(owner, "publicAuthority");
        party(owner, "buyer");
        supervisors.forEach(id -> party(new OrganisationReference(id, supervisorName.apply(id)),
                ProjectMapping.INDEPENDENT_MONITOR));
        ObjectNode project = JSON.objectNode();
        project.put("id", registration.code());
        project.put("title", registration.title());
        project.put("status", lifecycle.status());
        project.put("type", registration.type());
        project.set("period", period(registration.plannedPeriod()));
        ObjectNode budget = project.putObject("budget");
        budget.set("amount", value(registration.budget()));
        project.set("publicAuthority", reference(owner));
        if (approval != null) {
            budget.put("approvalDate", Oc4idsDates.dateTime(approval.approvalDate()));
            project.putArray("documents").addObject().put("id", approval.approvalDocumentNumber())
                    .put("documentType", ProjectMapping.BUDGET_APPROVAL)
                    .put("title", "Approval " + approval.approvalDocumentNumber());
        }
        ArrayNode processes = JSON.arrayNode();
        contracts.values().forEach(contract -> processes.add(contractingProcess(contract)));
        ArrayNode projectMilestones = JSON.arrayNode();
        milestones.values().forEach(milestone -> projectMilestones.add(milestone(milestone)));
        ArrayNode projectTransactions = JSON.arrayNode();
        transactions.forEach(transaction -> projectTransactions.add(transaction(transaction, owner)));
        putNonEmpty(project, "contractingProcesses", processes);
        putNonEmpty(project, "milestones", projectMilestones);
        putNonEmpty(project, "transactions", projectTransactions);
        putNonEmpty(project, "forecasts", forecasts());
        putNonEmpty(project, "metrics", metrics());
        if (completion != null) {
            ObjectNode completed = project.putObject("completion");
            completed.put("endDate", Oc4idsDates.dateTime(completion.endDate()));
            completed.set("finalValue", value(completion.finalValue()));
            completed.put("finalScope", completion.finalScope());
        }
        ArrayNode parties = JSON.arrayNode();
        partyRoles.forEach((id, roles) -> {
            ObjectNode party = parties.addObject().put("id", id).put("name", partyNames.get(id));
            roles.forEach(party.putArray("roles")::add);
        });
        project.set("parties", parties);
        return project;
    }

    private ObjectNode contractingProcess(Contract contract) {
        ContractAwarded award = contract.award();
        ObjectNode process = JSON.objectNode().put("id", award.contractId());
        ObjectNode summary = process.putObject("summary");
        summary.putArray("nature").add(award.nature());
        ObjectNode tender = summary.putObject("tender").put("procurementMethod", award.procurementMethod())
                .put("numberOfTenderers", award.numberOfTenderers());
        if (award.costEstimate() != null) {
            tender.set("costEstimate", value(award.costEstimate()));
        }
        if (award.tenderPeriod() != null) {
            tender.set("tenderPeriod", period(award.tenderPeriod()));
        }
        party(award.supplier(), "supplier");
        summary.putArray("suppliers").add(reference(award.supplier()));
        summary.set("contractValue", value(award.contractValue()));
        summary.set("contractPeriod", period(award.contractPeriod()));
        summary.put("dateSigned", Oc4idsDates.dateTime(award.dateSigned()));
        ArrayNode modifications = JSON.arrayNode();
        contract.modifications().forEach(modification -> modifications.add(modification(modification)));
        putNonEmpty(summary, "modifications", modifications);
        ArrayNode payments = JSON.arrayNode();
        contract.payments().forEach(payment -> payments.add(transaction(payment, null)));
        putNonEmpty(summary, "transactions", payments);
        return process;
    }

    private static ObjectNode modification(ContractModified modification) {
        ObjectNode node = JSON.objectNode().put("id", modification.modificationId())
                .put("date", Oc4idsDates.dateTime(modification.date())).put("type", modification.type());
        putText(node, "description", modification.description());
        putText(node, "rationale", modification.rationale());
        if (modification.newContractValue() != null) {
            node.set("oldContractValue", value(modification.oldContractValue()));
            node.set("newContractValue", value(modification.newContractValue()));
        }
        if (modification.newContractPeriod() != null) {
            node.set("oldContractPeriod", period(modification.oldContractPeriod()));
            node.set("newContractPeriod", period(modification.newContractPeriod()));
        }
        return node;
    }

    private ObjectNode milestone(MilestonePlanned milestone) {
        ObjectNode node = JSON.objectNode().put("id", milestone.milestoneId()).put("title", milestone.title())
                .put("type", milestone.type());
        putText(node, "code", milestone.code());
        node.put("dueDate", Oc4idsDates.dateTime(milestone.dueDate()));
        if (milestone.value() != null) {
            node.set("value", value(milestone.value()));
        }
        MilestoneStatusReported status = milestoneStatus.get(milestone.milestoneId());
        node.put("status", status == null ? MilestoneStatusReported.SCHEDULED : status.status());
        if (status != null && status.dateMet() != null) {
            node.put("dateMet", Oc4idsDates.dateTime(status.dateMet()));
        }
        return node;
    }

    /** An appropriation is paid to the project's owner: so it names the owner as payee, and imports back as one. */
    private ObjectNode transaction(TransactionRecorded transaction, OrganisationReference owner) {
        ObjectNode node = JSON.objectNode().put("id", transaction.transactionId())
                .put("date", Oc4idsDates.dateTime(transaction.date()));
        node.set("value", value(transaction.value()));
        OrganisationReference payee = transaction.payee() == null
                && TransactionRecorded.APPROPRIATION.equals(transaction.kind()) ? owner : transaction.payee();
        if (transaction.payer() != null) {
            party(transaction.payer(), "payer");
            node.set("payer", reference(transaction.payer()));
        }
        if (payee != null) {
            party(payee, "payee");
            node.set("payee", reference(payee));
        }
        if (transaction.milestoneId() != null) {
            MilestonePlanned milestone = milestones.get(transaction.milestoneId());
            ObjectNode related = node.putObject("relatedImplementationMilestone").put("id", transaction.milestoneId());
            if (milestone != null) {
                related.put("title", milestone.title());
            }
        }
        return node;
    }

    private ArrayNode forecasts() {
        List<PlannedProgress.Point> planned = PlannedProgress.of(registration.plannedPeriod());
        ArrayNode forecasts = JSON.arrayNode();
        if (!planned.isEmpty()) {
            forecasts.add(progressMetric("Planned physical progress",
                    planned.stream().map(point -> observation(point.date(), point.percent())).toList()));
        }
        return forecasts;
    }

    private ArrayNode metrics() {
        ArrayNode metrics = JSON.arrayNode();
        if (!progress.isEmpty()) {
            metrics.add(progressMetric("Physical progress",
                    progress.stream().map(report -> observation(report.date(), report.physicalProgress())).toList()));
        }
        return metrics;
    }

    private static ObjectNode progressMetric(String title, List<ObjectNode> observations) {
        ObjectNode metric = JSON.objectNode().put("id", PlannedProgress.METRIC).put("title", title);
        ArrayNode items = metric.putArray("observations");
        for (int i = 0; i < observations.size(); i++) {
            items.add(observations.get(i).put("id", String.valueOf(i + 1)));
        }
        return metric;
    }

    private static ObjectNode observation(LocalDate date, BigDecimal percent) {
        ObjectNode observation = JSON.objectNode();
        observation.set("measure", JSON.numberNode(percent.stripTrailingZeros()));
        observation.putObject("unit").put("name", "percent").put("scheme", "UNCEFACT").put("id", "P1");
        observation.set("period", period(new Period(date, date)));
        return observation;
    }

    private void party(OrganisationReference reference, String role) {
        partyNames.putIfAbsent(reference.id(), reference.displayName());
        partyRoles.computeIfAbsent(reference.id(), id -> new LinkedHashSet<>()).add(role);
    }

    private static ObjectNode reference(OrganisationReference reference) {
        return JSON.objectNode().put("id", reference.id()).put("name", reference.displayName());
    }

    private static ObjectNode value(Money money) {
        ObjectNode value = JSON.objectNode();
        value.set("amount", JSON.numberNode(money.amount()));
        return value.put("currency", money.currency());
    }

    private static ObjectNode period(Period period) {
        ObjectNode node = JSON.objectNode();
        if (period.startDate() != null) {
            node.put("startDate", Oc4idsDates.dateTime(period.startDate()));
        }
        if (period.endDate() != null) {
            node.put("endDate", Oc4idsDates.dateTime(period.endDate()));
        }
        return node;
    }

    private static void putText(ObjectNode node, String field, String text) {
        if (text != null) {
            node.put(field, text);
        }
    }

    private static void putNonEmpty(ObjectNode node, String field, ArrayNode items) {
        if (!items.isEmpty()) {
            node.set(field, items);
        }
    }
}
