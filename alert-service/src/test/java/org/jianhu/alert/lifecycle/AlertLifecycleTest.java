package org.jianhu.alert.lifecycle;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertLifecycleTest {

    static final LocalDate TODAY = LocalDate.parse("2026-03-01");
    static final Actor SUPERVISOR = new Actor("sup-li", Role.SUPERVISOR, "discipline-commission", "Haishu");
    static final Actor OWNER = new Actor("owner-wang", Role.OWNER, "transport-bureau", null);
    static final Actor OTHER_OWNER = new Actor("owner-zhao", Role.OWNER, "water-bureau", null);
    static final Actor AUDITOR = new Actor("aud-sun", Role.AUDITOR, null, null);

    static Alert raised(Level level) {
        return Alert.raise(UUID.randomUUID(), UUID.randomUUID(), "p-1", "R01", level).after();
    }

    static Alert assigned(Level level) {
        return raised(level).assign(SUPERVISOR, "transport-bureau", TODAY.plusDays(14), TODAY, "fix it").after();
    }

    static Alert reported(Level level) {
        return assigned(level).reportRectification(OWNER, "payments held back").after();
    }

    @Test
    void aRaisedAlertIsAssignedByASupervisorToTheOwnerWithADeadline() {
        Change change = raised(Level.RED).assign(SUPERVISOR, "transport-bureau", TODAY.plusDays(14), TODAY, "fix it");

        assertThat(change.step()).isEqualTo(Step.ASSIGNED);
        assertThat(change.actor()).isEqualTo(SUPERVISOR);
        assertThat(change.after().status()).isEqualTo(AlertStatus.ASSIGNED);
        assertThat(change.after().assigneeOrganisation()).isEqualTo("transport-bureau");
        assertThat(change.after().deadline()).isEqualTo(TODAY.plusDays(14));
    }

    @Test
    void onlyASupervisorAssignsDismissesVerifiesAndCloses() {
        Alert alert = raised(Level.RED);
        assertThatThrownBy(() -> alert.assign(OWNER, "transport-bureau", TODAY, TODAY, null))
                .isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> alert.dismiss(AUDITOR, "false positive")).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> reported(Level.RED).verify(OWNER, true, null)).isInstanceOf(NotPermitted.class);
    }

    @Test
    void aDeadlineInThePastIsRefused() {
        assertThatThrownBy(() -> raised(Level.RED).assign(SUPERVISOR, "transport-bureau", TODAY.minusDays(1), TODAY,
                null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theColourRisesWithTheSignalButDoesNotDropBeforeVerification() {
        Alert escalated = raised(Level.YELLOW).signalAt(Level.RED).after();
        assertThat(escalated.level()).isEqualTo(Level.RED);

        Alert calmer = escalated.signalAt(Level.YELLOW).after();
        assertThat(calmer.level()).isEqualTo(Level.RED);
        assertThat(calmer.signalLevel()).isEqualTo(Level.YELLOW);
    }

    @Test
    void aClearedSignalIsRecordedButLeavesTheAlertOpenInItsColour() {
        Change cleared = assigned(Level.RED).signalCleared();

        assertThat(cleared.step()).isEqualTo(Step.SIGNAL_CLEARED);
        assertThat(cleared.after().status()).isEqualTo(AlertStatus.ASSIGNED);
        assertThat(cleared.after().level()).isEqualTo(Level.RED);
        assertThat(cleared.after().signalLevel()).isEqualTo(Level.GREEN);
    }

    @Test
    void onlyTheAssignedOrganisationReportsRectification() {
        assertThatThrownBy(() -> assigned(Level.RED).reportRectification(OTHER_OWNER, "done"))
                .isInstanceOf(NotPermitted.class);
        assertThat(assigned(Level.RED).reportRectification(OWNER, "done").after().status())
                .isEqualTo(AlertStatus.RECTIFICATION_REPORTED);
    }

    @Test
    void anAcceptedVerificationLowersTheColourToWhatTheSignalNowSays() {
        Alert verified = reported(Level.RED).signalCleared().after().verify(SUPERVISOR, true, "checked on site")
                .after();

        assertThat(verified.status()).isEqualTo(AlertStatus.VERIFIED);
        assertThat(verified.level()).isEqualTo(Level.GREEN);
        assertThat(verified.close(SUPERVISOR, null).after().status()).isEqualTo(AlertStatus.CLOSED);
    }

    @Test
    void aRejectedVerificationSendsTheAlertBackToTheOwnerInItsColour() {
        Change rejected = reported(Level.RED).signalCleared().after().verify(SUPERVISOR, false, "payments still flow");

        assertThat(rejected.step()).isEqualTo(Step.VERIFICATION_REJECTED);
        assertThat(rejected.after().status()).isEqualTo(AlertStatus.ASSIGNED);
        assertThat(rejected.after().level()).isEqualTo(Level.RED);
        assertThatThrownBy(() -> reported(Level.RED).verify(SUPERVISOR, false, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stepsOutOfTurnAreIllegalTransitions() {
        assertThatThrownBy(() -> raised(Level.RED).close(SUPERVISOR, null)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> raised(Level.RED).reportRectification(OWNER, "done"))
                .isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> assigned(Level.RED).verify(SUPERVISOR, true, null))
                .isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> assigned(Level.RED).assign(SUPERVISOR, "water-bureau", TODAY, TODAY, null))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void aDismissalNeedsAWrittenJustificationAndEndsTheAlert() {
        assertThatThrownBy(() -> assigned(Level.RED).dismiss(SUPERVISOR, "")).isInstanceOf(IllegalArgumentException.class);

        Alert dismissed = assigned(Level.RED).dismiss(SUPERVISOR, "the contract was amended lawfully").after();
        assertThat(dismissed.status()).isEqualTo(AlertStatus.DISMISSED);
        assertThatThrownBy(() -> dismissed.dismiss(SUPERVISOR, "again")).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> dismissed.assign(SUPERVISOR, "transport-bureau", TODAY, TODAY, null))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void aSignalReturningAfterClosureReopensTheAlert() {
        Alert closed = reported(Level.RED).signalCleared().after().verify(SUPERVISOR, true, null).after()
                .close(SUPERVISOR, null).after();

        Change reopened = closed.signalAt(Level.YELLOW);
        assertThat(reopened.step()).isEqualTo(Step.REOPENED);
        assertThat(reopened.after().status()).isEqualTo(AlertStatus.RAISED);
        assertThat(reopened.after().level()).isEqualTo(Level.YELLOW);
        assertThat(reopened.after().assigneeOrganisation()).isNull();
    }

    @Test
    void onlyAnUnassignedAlertIsEscalatedAndItStaysRaised() {
        Change escalated = raised(Level.RED).escalate("lead-zhang");

        assertThat(escalated.step()).isEqualTo(Step.ESCALATED);
        assertThat(escalated.actor()).isEqualTo(Actor.ESCALATION);
        assertThat(escalated.after().status()).isEqualTo(AlertStatus.RAISED);
        assertThatThrownBy(() -> assigned(Level.RED).escalate("lead-zhang")).isInstanceOf(IllegalTransition.class);
    }
}
