package org.jianhu.verifier;

import org.jianhu.verifier.audit.CheckpointFile;
import org.jianhu.verifier.event.LeafEncoding;
import org.jianhu.verifier.event.StoredEvent;
import org.jianhu.verifier.note.Checkpoint;
import org.jianhu.verifier.note.NoteSigner;
import org.jianhu.verifier.tree.MemoryTree;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Records as the project service exports them, for tests that need no service: stored events, their NDJSON lines
 * (the shape of {@code GET /api/events}, which the project service's own tests hold against this verifier), and
 * checkpoints signed by a log key.
 */
public final class Records {

    public static final String ORIGIN = "jianhu.test/project-log";

    private Records() {
    }

    public static List<StoredEvent> events(int count) {
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // positions with gaps, as the event store's identity leaves them
            events.add(event(10 + 3L * i, "p-" + (i % 3), i / 3, "{\"physicalProgress\":" + (i % 100) + ".50,"
                    + "\"date\":\"2026-03-01\",\"note\":\"第" + i + "次\"}"));
        }
        return events;
    }

    public static StoredEvent event(long position, String project, long sequence, String payload) {
        return new StoredEvent(position, "event-" + position, project, sequence, "Project",
                "org.jianhu.contracts.project.ProgressReported", null,
                Instant.parse("2026-03-01T08:00:00Z").plusMillis(position * 1001),
                payload.getBytes(StandardCharsets.UTF_8),
                ("{\"actorUser\":\"owner-zhang\",\"actorRole\":\"owner\",\"correlationId\":\"c-" + position + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** The export of these events, each line claiming the leaf it has in order. */
    public static List<String> export(List<StoredEvent> events) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            lines.add(line(events.get(i), (long) i, LeafEncoding.leafHash(events.get(i))));
        }
        return lines;
    }

    /** One line as the project service writes it; without a claimed leaf when {@code leafIndex} is null. */
    public static String line(StoredEvent event, Long leafIndex, byte[] leafHash) {
        Base64.Encoder base64 = Base64.getEncoder();
        String readablePayload = new String(event.payload(), StandardCharsets.UTF_8);
        String readableMetadata = event.metaData() == null ? "{}" : new String(event.metaData(), StandardCharsets.UTF_8);
        String simpleType = event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1);
        return "{\"eventId\":\"" + event.eventId() + "\",\"projectId\":\"" + event.aggregateId()
                + "\",\"sequenceNumber\":" + event.sequenceNumber() + ",\"globalPosition\":" + event.globalPosition()
                + ",\"type\":\"" + simpleType + "\""
                + (event.payloadRevision() == null ? "" : ",\"revision\":\"" + event.payloadRevision() + "\"")
                + ",\"recordedAt\":\"" + event.timestamp() + "\",\"metadata\":" + readableMetadata
                + ",\"payload\":" + readablePayload
                + ",\"stored\":{" + (event.aggregateType() == null ? "" : "\"aggregateType\":\"" + event.aggregateType()
                + "\",") + "\"payloadType\":\"" + event.payloadType() + "\",\"payload\":\""
                + base64.encodeToString(event.payload()) + "\""
                + (event.metaData() == null ? "" : ",\"metaData\":\"" + base64.encodeToString(event.metaData()) + "\"")
                + "}"
                + (leafIndex == null ? "" : ",\"leaf\":{\"index\":" + leafIndex + ",\"hash\":\""
                + base64.encodeToString(leafHash) + "\"}")
                + "}";
    }

    public static NoteSigner logKey() {
        try {
            return new NoteSigner(ORIGIN, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Checkpoints of the tree of these events at each size, signed by the log. */
    public static List<CheckpointFile> checkpoints(NoteSigner log, List<StoredEvent> events, long... sizes) {
        MemoryTree tree = new MemoryTree();
        events.forEach(event -> tree.append(LeafEncoding.leafHash(event)));
        List<CheckpointFile> files = new ArrayList<>();
        for (long size : sizes) {
            Checkpoint checkpoint = new Checkpoint(ORIGIN, size, tree.proofs().root(size));
            files.add(new CheckpointFile("checkpoint-" + size, log.sign(checkpoint.text()).encoded()));
        }
        return files;
    }
}
