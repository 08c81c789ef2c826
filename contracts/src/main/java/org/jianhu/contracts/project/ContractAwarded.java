package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.common.Period;

import java.time.LocalDate;

/**
 * A contracting process that ended in an award. {@code nature}: design, construction, supervision;
 * {@code procurementMethod}: open, selective, limited, direct. {@code dateSigned} is the business date of the
 * award (OCDS {@code contract.dateSigned}); revision 1 had none (see {@link EventRevisions}).
 */
@Revision("2")
public record ContractAwarded(String projectId, String contractId, String nature, String procurementMethod,
                              int numberOfTenderers, Period tenderPeriod, Money costEstimate,
                              OrganisationReference supplier, Money contractValue, Period contractPeriod,
                              LocalDate dateSigned) implements ProjectEvent {

    public static final String DESIGN = "design";
    public static final String CONSTRUCTION = "construction";
    public static final String SUPERVISION = "supervision";
    /** OCDS contract nature as OC4IDS uses it. */
    public static final CodeList NATURES = CodeList.of("nature", DESIGN, CONSTRUCTION, SUPERVISION);

    public static final String OPEN = "open";
    public static final String SELECTIVE = "selective";
    public static final String LIMITED = "limited";
    public static final String DIRECT = "direct";
    /** OCDS tender.procurementMethod. */
    public static final CodeList PROCUREMENT_METHODS = CodeList.of("procurementMethod", OPEN, SELECTIVE, LIMITED, DIRECT);
}
