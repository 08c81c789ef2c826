package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;

/**
 * A contracting process that ended in an award. {@code nature}: design, construction, supervision;
 * {@code procurementMethod}: open, selective, limited, direct.
 */
@Revision("1")
public record ContractAwarded(String projectId, String contractId, String nature, String procurementMethod,
                              int numberOfTenderers, Period tenderPeriod, Money costEstimate, String supplier,
                              Money contractValue, Period contractPeriod) implements ProjectEvent {

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
