package org.jianhu.project.contract;

import java.time.LocalDate;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.project.ContractAwarded;
import org.jianhu.contracts.project.ContractModified;
import org.jianhu.project.project.StateVisibility;

import java.util.LinkedHashSet;
import java.util.Set;

/** An awarded contract with its current value and period after any change orders. */
@StateVisibility
public class ContractState {

    private String id;
    private String nature;
    private String procurementMethod;
    private int numberOfTenderers;
    private Period tenderPeriod;
    private Money costEstimate;
    private OrganisationReference supplier;
    private Money originalValue;
    private Money contractValue;
    private Period contractPeriod;
    private LocalDate dateSigned;
    private final Set<String> modificationIds = new LinkedHashSet<>();
    private Money paid;

    private ContractState() {
    }

    public static ContractState awarded(ContractAwarded event) {
        ContractState contract = new ContractState();
        contract.id = event.contractId();
        contract.nature = event.nature();
        contract.procurementMethod = event.procurementMethod();
        contract.numberOfTenderers = event.numberOfTenderers();
        contract.tenderPeriod = event.tenderPeriod();
        contract.costEstimate = event.costEstimate();
        contract.supplier = event.supplier();
        contract.originalValue = event.contractValue();
        contract.contractValue = event.contractValue();
        contract.contractPeriod = event.contractPeriod();
        contract.dateSigned = event.dateSigned();
        contract.paid = new Money(java.math.BigDecimal.ZERO, event.contractValue().currency());
        return contract;
    }

    public void apply(ContractModified event) {
        modificationIds.add(event.modificationId());
        if (event.newContractValue() != null) {
            contractValue = event.newContractValue();
        }
        if (event.newContractPeriod() != null) {
            contractPeriod = event.newContractPeriod();
        }
    }

    public boolean hasModification(String modificationId) {
        return modificationIds.contains(modificationId);
    }

    public void recordPayment(Money amount) {
        paid = paid.plus(amount);
    }

    public Money contractValue() {
        return contractValue;
    }

    public Period contractPeriod() {
        return contractPeriod;
    }
}
