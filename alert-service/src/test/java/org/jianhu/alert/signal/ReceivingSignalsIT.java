package org.jianhu.alert.signal;

import org.jianhu.alert.support.AlertIT;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.alert.support.SignalFeed.change;
import static org.jianhu.alert.support.SignalFeed.cleared;
import static org.jianhu.alert.support.SignalFeed.levelChanged;
import static org.jianhu.alert.support.SignalFeed.raised;
import static org.jianhu.alert.support.SignalFeed.restated;

/** Signal changes off the risk-signals exchange open and update one alert per signal, once per change. */
class ReceivingSignalsIT extends AlertIT {

    @Test
    void aRaisedSignalOpensOneAlertWithWhatTheSignalSays() throws Exception {
        UUID signal = UUID.randomUUID();
        feed.publish(raised(signal, "p-open", "RED"));

        UUID alert = awaitAlertOf(signal);
        assertThat(jdbc.queryForMap("SELECT project_id, rule_id, level, signal_level, status, explanation_zh "
                + "FROM alert WHERE id = ?", alert)).containsAllEntriesOf(Map.of("project_id", "p-open",
                "rule_id", "R01", "level", "RED", "signal_level", "RED", "status", "raised",
                "explanation_zh", "付款超前于进度"));
        assertThat(jdbc.queryForList("SELECT step || ' ' || actor || ' ' || role FROM alert_event WHERE alert_id = ?",
                String.class, alert)).containsExactly("raised supervision-service system");
    }

    @Test
    void aRedeliveredChangeChangesNothing() throws Exception {
        UUID signal = UUID.randomUUID();
        Map<String, Object> raised = raised(signal, "p-twice", "YELLOW");
        Map<String, Object> escalated = levelChanged(signal, "p-twice", "RED", "YELLOW");
        feed.publish(raised, raised, escalated, raised, escalated);

        UUID alert = awaitAlertOf(signal);
        await().atMost(Duration.ofSeconds(20)).until(() -> steps(alert) == 2);
        Map<String, Object> last = cleared(signal, "p-twice", "RED");
        feed.publish(escalated, last);
        await().atMost(Duration.ofSeconds(20)).until(() -> steps(alert) >= 3);

        assertThat(jdbc.queryForList("SELECT step FROM alert_event WHERE alert_id = ? ORDER BY position",
                String.class, alert)).containsExactly("raised", "signalLevelChanged", "signalCleared");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alert WHERE signal_id = ?", Long.class, signal))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_change", Long.class)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theColourRisesWithTheSignalAndStaysWhenTheSignalCalmsOrClears() throws Exception {
        UUID signal = UUID.randomUUID();
        feed.publish(raised(signal, "p-colour", "YELLOW"), levelChanged(signal, "p-colour", "RED", "YELLOW"),
                levelChanged(signal, "p-colour", "YELLOW", "RED"), cleared(signal, "p-colour", "YELLOW"));

        UUID alert = awaitAlertOf(signal);
        await().atMost(Duration.ofSeconds(20)).until(() -> steps(alert) == 4);
        assertThat(jdbc.queryForList("SELECT step || ' ' || level || ' ' || status FROM alert_event "
                + "WHERE alert_id = ? ORDER BY position", String.class, alert)).containsExactly(
                "raised YELLOW raised", "signalLevelChanged RED raised", "signalLevelChanged RED raised",
                "signalCleared RED raised");
        assertThat(jdbc.queryForObject("SELECT level || ' ' || signal_level || ' ' || status FROM alert WHERE id = ?",
                String.class, alert)).isEqualTo("RED GREEN raised");
    }

    @Test
    void aChangeOfAKindUnknownHereNeitherOpensNorMovesAnAlert() throws Exception {
        UUID signal = UUID.randomUUID();
        UUID neverRaised = UUID.randomUUID();
        feed.publish(raised(signal, "p-kinds", "YELLOW"));
        UUID alert = awaitAlertOf(signal);
        Map<String, Object> later = change(signal, "p-kinds", "R01", "aKindFromLaterOn", "RED", "YELLOW");
        Map<String, Object> laterUnraised = change(neverRaised, "p-kinds", "R01", "aKindFromLaterOn", "RED", "RED");
        Map<String, Object> restatedUnraised = restated(neverRaised, "p-kinds", "RED");
        feed.publish(later, laterUnraised, restatedUnraised);

        await().atMost(Duration.ofSeconds(20)).until(() -> processed(later, laterUnraised, restatedUnraised) == 3);
        assertThat(alertOf(neverRaised)).isNull();
        assertThat(jdbc.queryForList("SELECT step FROM alert_event WHERE alert_id = ?", String.class, alert))
                .containsExactly("raised");
        assertThat(jdbc.queryForObject("SELECT level || ' ' || signal_level || ' ' || status FROM alert WHERE id = ?",
                String.class, alert)).isEqualTo("YELLOW YELLOW raised");
    }

    @Test
    void aClearanceThatOvertookItsRaiseStillOpensTheAlertInTheSignalsColour() throws Exception {
        UUID signal = UUID.randomUUID();
        feed.publish(cleared(signal, "p-late", "RED"));

        UUID alert = awaitAlertOf(signal);
        await().atMost(Duration.ofSeconds(20)).until(() -> steps(alert) == 2);
        assertThat(jdbc.queryForObject("SELECT level || ' ' || signal_level || ' ' || status FROM alert WHERE id = ?",
                String.class, alert)).isEqualTo("RED GREEN raised");
    }

    @Test
    void anUnreadableMessageIsDroppedAndTheQueueMovesOn() throws Exception {
        UUID signal = UUID.randomUUID();
        Map<String, Object> noLevel = raised(UUID.randomUUID(), "p-bad", "RED");
        noLevel.put("level", "PURPLE");
        feed.publishRaw("not json".getBytes(StandardCharsets.UTF_8), noLevel, raised(signal, "p-good", "RED"));

        awaitAlertOf(signal);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alert WHERE project_id = 'p-bad'", Long.class)).isZero();
    }

    @SafeVarargs
    private long processed(Map<String, Object>... changes) {
        List<UUID> ids = java.util.Arrays.stream(changes).map(change -> UUID.fromString((String) change.get("changeId")))
                .toList();
        return ids.stream().filter(id -> jdbc.queryForObject("SELECT count(*) FROM processed_change WHERE change_id = ?",
                Long.class, id) == 1).count();
    }
}
