package org.jianhu.supervision.risk;

import org.jianhu.contracts.project.ContractAwarded;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The must-tender thresholds of NDRC Order No. 16 (2018), in CNY, shared by direct award above
 * threshold (R13) and contract splitting (R14).
 *
 * <p>Contract natures map to procurement categories thus: construction → works; design and
 * supervision → services (they are professional services under the Order); goods → goods. An
 * unknown nature has no threshold, so neither rule judges it.
 */
final class MustTenderThresholds {

    static final String WORKS = "worksAmount";
    static final String GOODS = "goodsAmount";
    static final String SERVICES = "servicesAmount";

    static final Map<String, BigDecimal> DEFAULTS = Map.of(
            WORKS, new BigDecimal("4000000"),
            GOODS, new BigDecimal("2000000"),
            SERVICES, new BigDecimal("1000000"));

    private MustTenderThresholds() {
    }

    /** The threshold name for a contract nature, or null when the nature has no category. */
    static String categoryOf(String nature) {
        if (nature == null) {
            return null;
        }
        return switch (nature) {
            case ContractAwarded.CONSTRUCTION -> WORKS;
            case ContractAwarded.DESIGN, ContractAwarded.SUPERVISION -> SERVICES;
            case "goods" -> GOODS;
            default -> null;
        };
    }
}
