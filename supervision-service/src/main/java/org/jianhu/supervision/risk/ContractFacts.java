package org.jianhu.supervision.risk;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.project.ContractAwarded;
import org.jianhu.contracts.project.ContractModified;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One awarded contract of the project as it stands now, with how it got there. Its award date is the award's
 * {@code dateSigned} (an award of revision 1 reads as signed on the day it was recorded, see
 * {@code EventRevisions}). A view stored with the supplier as a bare name reads it as a party of that name.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ContractFacts {

    private String contractId;
    private String nature;
    private String procurementMethod;
    private int numberOfTenderers;
    private Period tenderPeriod;
    private Money costEstimate;
    private OrganisationReference supplier;
    private Money originalValue;
    private Money currentValue;
    private Period originalPeriod;
    private Period currentPeriod;
    private LocalDate awardDate;
    private long awardPosition;
    private List<ModificationFact> modifications = new ArrayList<>();
    private Money appropriated;
    private Money paid;

    ContractFacts() {
    }

    ContractFacts(ContractAwarded award, long position) {
        this.contractId = award.contractId();
        this.nature = award.nature();
        this.procurementMethod = award.procurementMethod();
        this.numberOfTenderers = award.numberOfTenderers();
        this.tenderPeriod = award.tenderPeriod();
        this.costEstimate = award.costEstimate();
        this.supplier = award.supplier();
        this.originalValue = award.contractValue();
        this.currentValue = award.contractValue();
        this.originalPeriod = award.contractPeriod();
        this.currentPeriod = award.contractPeriod();
        this.awardDate = award.dateSigned();
        this.awardPosition = position;
        this.appropriated = zero(award.contractValue());
        this.paid = zero(award.contractValue());
    }

    void modify(ContractModified change, long position) {
        modifications.add(new ModificationFact(change.modificationId(), change.date(), change.type(),
                change.oldContractValue(), change.newContractValue(),
                change.oldContractPeriod(), change.newContractPeriod(), position));
        if (change.newContractValue() != null) {
            currentValue = change.newContractValue();
        }
        if (change.newContractPeriod() != null) {
            currentPeriod = change.newContractPeriod();
        }
    }

    void appropriate(Money value) {
        appropriated = appropriated.plus(value);
    }

    void pay(Money value) {
        paid = paid.plus(value);
    }

    private static Money zero(Money like) {
        return new Money(BigDecimal.ZERO, like.currency());
    }

    public boolean isConstruction() {
        return ContractAwarded.CONSTRUCTION.equals(nature);
    }

    public boolean isCompetitive() {
        return ContractAwarded.OPEN.equals(procurementMethod) || ContractAwarded.SELECTIVE.equals(procurementMethod);
    }

    public boolean isLimitedOrDirect() {
        return ContractAwarded.LIMITED.equals(procurementMethod) || ContractAwarded.DIRECT.equals(procurementMethod);
    }

    public String subject() {
        return "contract:" + contractId;
    }

    public String contractId() { return contractId; }
    public String nature() { return nature; }
    public String procurementMethod() { return procurementMethod; }
    public int numberOfTenderers() { return numberOfTenderers; }
    public Period tenderPeriod() { return tenderPeriod; }
    public Money costEstimate() { return costEstimate; }
    public OrganisationReference supplier() { return supplier; }
    /** The supplier's identifier, by which parties are compared; null when the award named none. */
    public String supplierId() { return supplier == null ? null : supplier.id(); }
    /** The supplier as people read it. */
    public String supplierName() { return supplier == null ? null : supplier.displayName(); }
    public Money originalValue() { return originalValue; }
    public Money currentValue() { return currentValue; }
    public Period originalPeriod() { return originalPeriod; }
    public Period currentPeriod() { return currentPeriod; }
    public LocalDate awardDate() { return awardDate; }
    public long awardPosition() { return awardPosition; }
    public List<ModificationFact> modifications() { return List.copyOf(modifications); }
    public Money appropriated() { return appropriated; }
    public Money paid() { return paid; }
}
