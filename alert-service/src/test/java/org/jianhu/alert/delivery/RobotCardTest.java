package org.jianhu.alert.delivery;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What a group robot shows, and how DingTalk's 加签 signs the robot's URL. */
class RobotCardTest {

    private static final UUID ALERT = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    @Test
    void aDingTalkCardTellsLevelInWordsAndColourProjectRuleExplanationAndLink() {
        RobotCard card = RobotCard.of(notice("RED", "raised"), "https://console.example/alerts/" + ALERT,
                RobotCard.Palette.DINGTALK);

        assertThat(card.title()).isEqualTo("红色预警 R01 C-7 Harbour road viaduct");
        assertThat(card.text()).isEqualTo(String.join("\n\n",
                "### <font color=\"#FF0000\">【红色预警】</font> R01 支付超前于进度",
                "**项目**：C-7 Harbour road viaduct",
                "**规则**：R01 支付超前于进度（第 1 版）",
                "**说明**：已付 62% 而形象进度 20%",
                "**环节**：新预警 · Haishu",
                "[查看预警](https://console.example/alerts/" + ALERT + ")"));
    }

    @Test
    void aWeComCardUsesWeComsNamedColoursAndSingleLineBreaks() {
        RobotCard card = RobotCard.of(notice("YELLOW", "escalated"), "https://c/alerts/x", RobotCard.Palette.WECOM);

        assertThat(card.text()).startsWith("### <font color=\"comment\">【黄色预警】</font> R01 支付超前于进度\n**项目**：")
                .contains("**环节**：逾期未交办，已上报 · Haishu\n[查看预警](https://c/alerts/x)");
        assertThat(RobotCard.Palette.WECOM.paint("RED", "x")).isEqualTo("<font color=\"warning\">x</font>");
    }

    @Test
    void dingTalkSignsTimestampNewlineSecretAsUrlEncodedBase64OfTheHmac() {
        // computed independently: printf '1700000000000\nSEC0123456789abcdef' \
        //   | openssl dgst -sha256 -hmac 'SEC0123456789abcdef' -binary | base64
        assertThat(DingTalkSending.signed("https://oapi.dingtalk.com/robot/send?access_token=t",
                "SEC0123456789abcdef", 1_700_000_000_000L)).isEqualTo("https://oapi.dingtalk.com/robot/send"
                + "?access_token=t&timestamp=1700000000000&sign=TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D");
    }

    @Test
    void aRuleThisServiceHasNoNameForIsNamedByItsId() {
        assertThat(RuleNames.zh("R19")).isEqualTo("R19");
        assertThat(RuleNames.zh("R14")).isEqualTo("R14 化整为零");
    }

    private static AlertNotice notice(String level, String step) {
        return new AlertNotice(ALERT, 42, step, level, level, "raised", "p-7", "C-7", "Harbour road viaduct", "Haishu",
                "R01", 1, "contract c-1", "已付 62% 而形象进度 20%", "62% paid, 20% built", List.of("sup-li"), null,
                Instant.parse("2026-03-01T02:00:00Z"));
    }
}
