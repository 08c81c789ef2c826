package org.jianhu.verifier.event;

import org.jianhu.verifier.tree.Hashes;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The bytes a stored event becomes a leaf of: one canonical encoding, the same for the service and for an auditor.
 * The leaf hash is RFC 6962's {@code SHA-256(0x00 || encoding)}.
 *
 * <pre>
 * "jianhu/event-leaf/v1\n"               21 bytes, ASCII: what this is and in which version
 * u64  global position
 * text event identifier
 * text aggregate identifier
 * u64  sequence number
 * opt  text aggregate type
 * text payload type
 * opt  text payload revision
 * i64  timestamp, microseconds since 1970-01-01T00:00:00Z (PostgreSQL's precision)
 * blob payload, the stored bytes
 * opt  blob metadata, the stored bytes
 *
 * u64, i64: 8 bytes big-endian; blob: u32 length (big-endian) then the bytes; text: the blob of its UTF-8;
 * opt: 0x00 for NULL, or 0x01 then the value
 * </pre>
 *
 * Every field has its length or a fixed size, so no two different events encode alike.
 */
public final class LeafEncoding {

    static final byte[] TAG = "jianhu/event-leaf/v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private LeafEncoding() {
    }

    public static byte[] leafHash(StoredEvent event) {
        return Hashes.leaf(encode(event));
    }

    public static byte[] encode(StoredEvent event) {
        Writer out = new Writer(event.payload().length + (event.metaData() == null ? 0 : event.metaData().length));
        out.raw(TAG);
        out.u64(event.globalPosition());
        out.text(event.eventId());
        out.text(event.aggregateId());
        out.u64(event.sequenceNumber());
        out.optionalText(event.aggregateType());
        out.text(event.payloadType());
        out.optionalText(event.payloadRevision());
        out.u64(micros(event.timestamp()));
        out.blob(event.payload());
        out.optionalBlob(event.metaData());
        return out.bytes();
    }

    /** The event an encoding holds (a tlog-proof file carries it, so that its reader can hash it again). */
    public static StoredEvent decode(byte[] encoding) {
        Reader in = new Reader(encoding);
        in.expectTag();
        StoredEvent event = new StoredEvent(in.u64(), in.text(), in.text(), in.u64(), in.optionalText(), in.text(),
                in.optionalText(), instant(in.u64()), in.blob(), in.optionalBlob());
        in.expectEnd();
        return event;
    }

    static long micros(Instant timestamp) {
        if (timestamp.getNano() % 1000 != 0) {
            throw new IllegalArgumentException("a stored timestamp has microseconds at most: " + timestamp);
        }
        return Math.addExact(Math.multiplyExact(timestamp.getEpochSecond(), MICROS_PER_SECOND),
                timestamp.getNano() / 1000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
    }

    private static final class Writer {
        private final ByteArrayOutputStream out;

        Writer(int expectedBlobs) {
            out = new ByteArrayOutputStream(expectedBlobs + 256);
        }

        void raw(byte[] bytes) {
            out.writeBytes(bytes);
        }

        void u64(long value) {
            out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
        }

        void blob(byte[] bytes) {
            out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }

        void text(String text) {
            blob(text.getBytes(StandardCharsets.UTF_8));
        }

        void optionalText(String text) {
            optionalBlob(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
        }

        void optionalBlob(byte[] bytes) {
            if (bytes == null) {
                out.write(0);
            } else {
                out.write(1);
                blob(bytes);
            }
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private static final class Reader {
        private final ByteBuffer in;

        Reader(byte[] encoding) {
            in = ByteBuffer.wrap(encoding);
        }

        void expectTag() {
            byte[] tag = take(TAG.length);
            if (!java.util.Arrays.equals(tag, TAG)) {
                throw new IllegalArgumentException("not a jianhu/event-leaf/v1 encoding");
            }
        }

        long u64() {
            need(Long.BYTES);
            return in.getLong();
        }

        byte[] blob() {
            need(Integer.BYTES);
            int length = in.getInt();
            if (length < 0) {
                throw new IllegalArgumentException("a negative length in a leaf encoding");
            }
            return take(length);
        }

        String text() {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(blob())).toString();
            } catch (CharacterCodingException notUtf8) {
                throw new IllegalArgumentException("text in a leaf encoding is not UTF-8");
            }
        }

        String optionalText() {
            return present() ? text() : null;
        }

        byte[] optionalBlob() {
            return present() ? blob() : null;
        }

        void expectEnd() {
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("bytes after the end of a leaf encoding");
            }
        }

        private boolean present() {
            need(1);
            byte flag = in.get();
            if (flag != 0 && flag != 1) {
                throw new IllegalArgumentException("an optional field is marked 0 or 1, not " + flag);
            }
            return flag == 1;
        }

        private byte[] take(int length) {
            need(length);
            byte[] bytes = new byte[length];
            in.get(bytes);
            return bytes;
        }

        private void need(int length) {
            if (in.remaining() < length) {
                throw new IllegalArgumentException("a leaf encoding ends early");
            }
        }
    }
}
