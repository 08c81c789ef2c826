package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every indicator of the catalogue shares: identity, versioning and the shape of its findings. */
abstract class CatalogueRule implements RiskRule {

    private final String id;
    private final int version;
    private final String nameZh;
    private final String nameEn;

    protected CatalogueRule(String id, int version, String nameZh, String nameEn) {
        this.id = id;
        this.version = version;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public String nameZh() {
        return nameZh;
    }

    @Override
    public String nameEn() {
        return nameEn;
    }

    protected BigDecimal threshold(Thresholds thresholds, String name) {
        return thresholds.require(id, name);
    }

    protected SignalCondition condition(String subject, RiskLevel level, Map<String, Object> numbers,
                                        Collection<Long> evidence, String explanationZh, String explanationEn) {
        return new SignalCondition(id, version, subject, level, numbers, Evidence.ascending(evidence),
                explanationZh, explanationEn);
    }

    /** Figures in the order given, e.g. {@code numbers("gapPoints", gap, "redPoints", red)}. */
    protected static Map<String, Object> numbers(Object... namesAndValues) {
        var figures = new LinkedHashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            figures.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(figures);
    }
}
