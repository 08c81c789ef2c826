package org.jianhu.alert.delivery;

import java.util.Map;

/**
 * The indicator catalogue's names, for the cards group robots show. The signal change carries only the rule
 * id; until the contract carries the name (supervision's {@code RiskRule} holds it), this table follows it.
 */
final class RuleNames {

    private static final Map<String, String> ZH = Map.ofEntries(
            Map.entry("R01", "支付超前于进度"), Map.entry("R02", "里程碑未完成即支付"), Map.entry("R03", "里程碑逾期"),
            Map.entry("R04", "累计变更超限"), Map.entry("R05", "频繁变更"), Map.entry("R06", "检查问题未整改"),
            Map.entry("R07", "超预算"), Map.entry("R08", "收款方非合同当事人"), Map.entry("R09", "工期延误"),
            Map.entry("R10", "先建后批"), Map.entry("R11", "单一投标"), Map.entry("R12", "招标期过短"),
            Map.entry("R13", "应招未招"), Map.entry("R14", "化整为零"), Map.entry("R15", "重复中标"),
            Map.entry("R16", "中标价贴近控制价"), Map.entry("R17", "完工过快"), Map.entry("R18", "迟报"));

    private RuleNames() {
    }

    /** The rule's Chinese name, or its id alone for a rule added after this table. */
    static String zh(String ruleId) {
        String name = ZH.get(ruleId);
        return name == null ? ruleId : ruleId + " " + name;
    }
}
