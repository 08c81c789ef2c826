package org.jianhu.verifier.event;

import org.jianhu.verifier.tree.Hashes;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The leaf encoding, byte by byte as documented, so that anyone can compute it from an export. */
class LeafEncodingTest {

    static final StoredEvent EVENT = new StoredEvent(42, "e-1", "p-1", 3, "Project",
            "org.jianhu.contracts.project.ProgressReported", "1", Instant.parse("2026-03-01T08:15:30.123456Z"),
            "{\"physicalProgress\":12.50}".getBytes(StandardCharsets.UTF_8),
            "{\"actorUser\":\"owner-zhang\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void anEventIsEncodedFieldByFieldAsDocumented() {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("jianhu/event-leaf/v1\n".getBytes(StandardCharsets.US_ASCII));
        expected.writeBytes(ByteBuffer.allocate(8).putLong(42).array());
        blob(expected, "e-1".getBytes(StandardCharsets.UTF_8));
        blob(expected, "p-1".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(ByteBuffer.allocate(8).putLong(3).array());
        expected.write(1);
        blob(expected, "Project".getBytes(StandardCharsets.UTF_8));
        blob(expected, "org.jianhu.contracts.project.ProgressReported".getBytes(StandardCharsets.UTF_8));
        expected.write(1);
        blob(expected, "1".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(ByteBuffer.allocate(8).putLong(1772352930123456L).array());
        blob(expected, EVENT.payload());
        expected.write(1);
        blob(expected, EVENT.metaData());

        assertThat(LeafEncoding.encode(EVENT)).isEqualTo(expected.toByteArray());
        assertThat(LeafEncoding.leafHash(EVENT)).isEqualTo(Hashes.leaf(expected.toByteArray()));
    }

    @Test
    void anEncodingIsReadBackIntoTheSameEvent() {
        StoredEvent withNulls = new StoredEvent(7, "e", "p", 0, null, "T", null, Instant.EPOCH, new byte[0], null);

        assertThat(LeafEncoding.decode(LeafEncoding.encode(EVENT))).isEqualTo(EVENT);
        assertThat(LeafEncoding.decode(LeafEncoding.encode(withNulls))).isEqualTo(withNulls);
    }

    @Test
    void aMissingValueIsNotAnEmptyOne() {
        StoredEvent noMetadata = new StoredEvent(7, "e", "p", 0, null, "T", null, Instant.EPOCH, new byte[0], null);
        StoredEvent emptyMetadata = new StoredEvent(7, "e", "p", 0, null, "T", null, Instant.EPOCH, new byte[0],
                new byte[0]);
        StoredEvent emptyType = new StoredEvent(7, "e", "p", 0, "", "T", null, Instant.EPOCH, new byte[0], null);

        assertThat(LeafEncoding.leafHash(noMetadata)).isNotEqualTo(LeafEncoding.leafHash(emptyMetadata))
                .isNotEqualTo(LeafEncoding.leafHash(emptyType));
    }

    @Test
    void bytesMovedFromOneFieldToTheNextMakeAnotherLeaf() {
        StoredEvent one = new StoredEvent(7, "ab", "c", 0, null, "T", null, Instant.EPOCH, new byte[0], null);
        StoredEvent other = new StoredEvent(7, "a", "bc", 0, null, "T", null, Instant.EPOCH, new byte[0], null);

        assertThat(LeafEncoding.leafHash(one)).isNotEqualTo(LeafEncoding.leafHash(other));
    }

    @Test
    void timestampsBeforeTheEpochAndUpToTheMicrosecondAreKept() {
        StoredEvent early = new StoredEvent(1, "e", "p", 0, null, "T", null, Instant.parse("1969-12-31T23:59:59.999999Z"),
                new byte[0], null);

        assertThat(LeafEncoding.decode(LeafEncoding.encode(early)).timestamp()).isEqualTo(early.timestamp());
        assertThatThrownBy(() -> LeafEncoding.encode(new StoredEvent(1, "e", "p", 0, null, "T", null,
                Instant.parse("2026-01-01T00:00:00.000000001Z"), new byte[0], null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("microseconds");
    }

    @Test
    void whatIsNoEncodingIsRefused() {
        byte[] encoding = LeafEncoding.encode(EVENT);
        byte[] truncated = java.util.Arrays.copyOf(encoding, encoding.length - 1);
        byte[] longer = java.util.Arrays.copyOf(encoding, encoding.length + 1);

        assertThatThrownBy(() -> LeafEncoding.decode(truncated)).hasMessageContaining("ends early");
        assertThatThrownBy(() -> LeafEncoding.decode(longer)).hasMessageContaining("after the end");
        assertThatThrownBy(() -> LeafEncoding.decode("jianhu/event-leaf/v2\n".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("not a jianhu/event-leaf/v1");
    }

    private static void blob(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
