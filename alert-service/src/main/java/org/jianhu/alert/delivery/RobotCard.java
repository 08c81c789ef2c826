package org.jianhu.alert.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * The markdown card a group robot posts for one notice: the level in words and colour, the project's code and
 * title, the rule's id and name, the explanation, and a link to the alert. Colours as each vendor's markdown has
 * them: DingTalk any, WeCom only its three named ones.
 */
record RobotCard(String title, String text) {

    /** A vendor's way of colouring words and of breaking lines in its markdown. */
    record Palette(String red, String yellow, String green, String lineBreak) {

        static final Palette DINGTALK = new Palette("#FF0000", "#FFA500", "#00B050", "\n\n");
        static final Palette WECOM = new Palette("warning", "comment", "info", "\n");

        String paint(String level, String words) {
            String colour = switch (level) {
                case "RED" -> red;
                case "YELLOW" -> yellow;
                default -> green;
            };
            return "<font color=\"" + colour + "\">" + words + "</font>";
        }
    }

    private static final int EXPLANATION_LENGTH = 500;

    static RobotCard of(AlertNotice notice, String link, Palette palette) {
        String level = levelInWords(notice.level());
        String project = notice.projectName();
        String rule = RuleNames.zh(notice.ruleId());
        List<String> lines = new ArrayList<>();
        lines.add("### " + palette.paint(notice.level(), "【" + level + "】") + " " + rule);
        lines.add("**项目**：" + project);
        lines.add("**规则**：" + rule + "（第 " + notice.ruleVersion() + " 版）");
        if (notice.explanationZh() != null) {
            lines.add("**说明**：" + shortened(notice.explanationZh()));
        }
        lines.add("**环节**：" + stepInWords(notice.step()) + (notice.region() == null ? "" : " · " + notice.region()));
        lines.add("[查看预警](" + link + ")");
        return new RobotCard(level + " " + notice.ruleId() + " " + project, String.join(palette.lineBreak(), lines));
    }

    static String levelInWords(String level) {
        return switch (level) {
            case "RED" -> "红色预警";
            case "YELLOW" -> "黄色预警";
            default -> "绿色预警";
        };
    }

    private static String stepInWords(String step) {
        return switch (step) {
            case "raised" -> "新预警";
            case "reopened" -> "预警重新打开";
            case "escalated" -> "逾期未交办，已上报";
            case "signalLevelChanged" -> "预警升级";
            default -> step;
        };
    }

    private static String shortened(String text) {
        return text.length() <= EXPLANATION_LENGTH ? text : text.substring(0, EXPLANATION_LENGTH) + "…";
    }
}
