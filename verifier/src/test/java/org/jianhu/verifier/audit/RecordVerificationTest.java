package org.jianhu.verifier.audit;

import org.jianhu.verifier.Records;
import org.jianhu.verifier.event.LeafEncoding;
import org.jianhu.verifier.event.StoredEvent;
import org.jianhu.verifier.note.NoteSigner;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verification of an export against kept checkpoints, for each way a DBA could rewrite the record (the project
 * service's TamperingIT does the same with SQL on a real database).
 */
class RecordVerificationTest {

    private final NoteSigner log = Records.logKey();
    private final List<StoredEvent> events = Records.events(12);
    private final List<CheckpointFile> kept = Records.checkpoints(log, events, 4, 8, 12);

    @Test
    void anUntouchedRecordVerifiesAgainstEveryCheckpoint() throws IOException {
        Verdict verdict = verify(Records.export(events), kept);

        assertThat(verdict.verified()).isTrue();
        assertThat(verdict.headline()).isEqualTo("verified: 12 events, 3 checkpoints; the first 12 events have the "
                + "root the log signed at size 12 (checkpoint-12)");
    }

    @Test
    void eventsAfterTheLatestCheckpointAreVerifiedLater() throws IOException {
        List<StoredEvent> grown = new ArrayList<>(events);
        grown.add(Records.event(99, "p-9", 0, "{}"));

        Verdict verdict = verify(Records.export(grown), kept);

        assertThat(verdict.verified()).isTrue();
        assertThat(verdict.summary()).endsWith("1 later events are not yet covered by a kept checkpoint");
    }

    @Test
    void aChangedPayloadIsNamedByItsPosition() throws IOException {
        List<String> export = Records.export(events);
        StoredEvent changed = changedPayload(events.get(5));
        export.set(5, Records.line(changed, 5L, LeafEncoding.leafHash(events.get(5))));

        Verdict verdict = verify(export, kept);

        assertThat(verdict.headline()).isEqualTo("position 25 (leaf 5): event event-25 at position 25 is not the event"
                + " the log's tree recorded there: it was changed after it was recorded");
        assertThat(verdict.findings()).hasSize(2);
        assertThat(verdict.describe(verdict.findings().get(1))).startsWith("positions 22 to 31 (leaves 4 to 7): the "
                + "first 8 events do not have the root the log signed in checkpoint checkpoint-8");
    }

    @Test
    void aDeletedEventIsNamedByTheLeafItLeftEmpty() throws IOException {
        List<String> export = Records.export(events);
        export.remove(6);

        Verdict verdict = verify(export, kept);

        assertThat(verdict.headline()).isEqualTo("position 31 (leaf 6): the log's tree holds event event-31 at "
                + "position 31 as leaf 7, but it is leaf 6 of the record: an event between positions 25 and 31 is missing");
    }

    @Test
    void theLastEventDeletedLeavesACheckpointOverMoreEventsThanTheRecordHas() throws IOException {
        List<String> export = Records.export(events);
        export.remove(11);

        Verdict verdict = verify(export, kept);

        assertThat(verdict.headline()).isEqualTo("position (missing, after 40) (leaf 11): checkpoint checkpoint-12 was"
                + " signed over 12 events, the export holds 11: the record lost events from leaf 11 on");
    }

    @Test
    void twoSwappedPayloadsAreNamedFromTheFirst() throws IOException {
        List<StoredEvent> swapped = new ArrayList<>(events);
        swapped.set(2, withPayload(events.get(2), events.get(9).payload()));
        swapped.set(9, withPayload(events.get(9), events.get(2).payload()));
        List<String> export = new ArrayList<>();
        for (int i = 0; i < swapped.size(); i++) {
            export.add(Records.line(swapped.get(i), (long) i, LeafEncoding.leafHash(events.get(i))));
        }

        Verdict verdict = verify(export, kept);

        assertThat(verdict.headline()).startsWith("position 16 (leaf 2): event event-16 at position 16 is not the event");
        assertThat(verdict.findings()).extracting(Finding::firstLeaf).contains(2L, 9L);
    }

    @Test
    void anEventReInsertedWithANewPositionIsNamedWhereItWasTaken() throws IOException {
        List<String> export = Records.export(events);
        StoredEvent moved = events.get(3);
        StoredEvent reInserted = new StoredEvent(500, moved.eventId(), moved.aggregateId(), moved.sequenceNumber(),
                moved.aggregateType(), moved.payloadType(), moved.payloadRevision(), moved.timestamp(), moved.payload(),
                moved.metaData());
        export.remove(3);
        export.add(Records.line(reInserted, 12L, LeafEncoding.leafHash(reInserted)));

        Verdict verdict = verify(export, kept);

        assertThat(verdict.headline()).isEqualTo("position 22 (leaf 3): the log's tree holds event event-22 at "
                + "position 22 as leaf 4, but it is leaf 3 of the record: an event between positions 16 and 22 is missing");
    }

    @Test
    void aTreeRewrittenToMatchAChangedRecordIsCaughtByTheSignedRootBetweenTwoCheckpoints() throws IOException {
        List<StoredEvent> changed = new ArrayList<>(events);
        changed.set(5, changedPayload(events.get(5)));

        Verdict verdict = verify(Records.export(changed), kept);

        assertThat(verdict.headline()).isEqualTo("positions 22 to 31 (leaves 4 to 7): the first 8 events do not have "
                + "the root the log signed in checkpoint checkpoint-8 (size 8), though the first 4 do: an event among "
                + "these differs from what was signed");
    }

    @Test
    void checkpointsKeptAfterEveryEventNameTheRewrittenEventExactly() throws IOException {
        List<StoredEvent> changed = new ArrayList<>(events);
        changed.set(5, changedPayload(events.get(5)));
        List<CheckpointFile> everyEvent = Records.checkpoints(log, events, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

        Verdict verdict = verify(Records.export(changed), everyEvent);

        assertThat(verdict.headline()).isEqualTo("position 25 (leaf 5): the first 6 events do not have the root the log"
                + " signed in checkpoint checkpoint-6 (size 6), though the first 5 do: this event differs from what was"
                + " signed");
    }

    @Test
    void aRecordRebuiltAndReSignedWithAnotherKeyFailsTheKeptCheckpointsAndTheNewOnesAreNotTheLogs()
            throws IOException {
        List<StoredEvent> rebuilt = new ArrayList<>(events);
        rebuilt.set(1, changedPayload(events.get(1)));
        NoteSigner impostor = Records.logKey();
        List<CheckpointFile> both = new ArrayList<>(kept);
        Records.checkpoints(impostor, rebuilt, 12).forEach(file ->
                both.add(new CheckpointFile("new-" + file.source(), file.note())));

        Verdict verdict = verify(Records.export(rebuilt), both);

        assertThat(verdict.headline()).isEqualTo("positions 10 to 19 (leaves 0 to 3): the first 4 events do not have "
                + "the root the log signed in checkpoint checkpoint-4 (size 4): an event among these differs from what "
                + "was signed");
        assertThat(verdict.findings()).last().extracting(Finding::message).asString()
                .startsWith("checkpoint new-checkpoint-12 is not the log's: it carries no signature of the key "
                        + Records.ORIGIN);
    }

    @Test
    void twoSignedCheckpointsOfOneSizeWithDifferentRootsAreASplitView() throws IOException {
        List<StoredEvent> fork = new ArrayList<>(events);
        fork.set(0, changedPayload(events.get(0)));
        List<CheckpointFile> both = new ArrayList<>(kept);
        both.add(new CheckpointFile("fork-4", Records.checkpoints(log, fork, 4).get(0).note()));

        Verdict verdict = verify(Records.export(events), both);

        assertThat(verdict.headline()).contains("checkpoints checkpoint-4 and fork-4 are both signed by the log and"
                + " give two different trees of 4 events");
    }

    @Test
    void aLineThatContradictsItselfIsNamed() throws IOException {
        List<String> export = Records.export(events);
        export.set(7, export.get(7).replace("\"physicalProgress\":7.50", "\"physicalProgress\":70.50"));

        Verdict verdict = verify(export, kept);

        assertThat(verdict.headline()).isEqualTo("position 31 (leaf 7): the line of event event-31 at position 31 "
                + "contradicts itself: its readable payload is not the stored payload");
    }

    @Test
    void withoutAnyCheckpointNothingIsVerified() throws IOException {
        Verdict verdict = verify(Records.export(events), List.of());

        assertThat(verdict.verified()).isFalse();
        assertThat(verdict.headline()).startsWith("no checkpoint signed by " + Records.ORIGIN + " was given");
    }

    private Verdict verify(List<String> export, List<CheckpointFile> checkpoints) throws IOException {
        return new RecordVerification(log.verifierKey())
                .verify(new BufferedReader(new StringReader(String.join("\n", export) + "\n")), checkpoints);
    }

    private static StoredEvent changedPayload(StoredEvent event) {
        return withPayload(event, "{\"physicalProgress\":99.00,\"date\":\"2026-03-01\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static StoredEvent withPayload(StoredEvent event, byte[] payload) {
        return new StoredEvent(event.globalPosition(), event.eventId(), event.aggregateId(), event.sequenceNumber(),
                event.aggregateType(), event.payloadType(), event.payloadRevision(), event.timestamp(), payload,
                event.metaData());
    }
}
