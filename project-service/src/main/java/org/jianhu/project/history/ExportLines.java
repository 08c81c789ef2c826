package org.jianhu.project.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the global log's NDJSON: per line an event's envelope fields (as {@code EventEnvelope} names them), its
 * {@code stored} columns in base64 and its {@code leaf}. The envelope's metadata and payload are the stored JSON
 * itself, embedded as it is, not parsed and written again: an export of millions of events runs at the speed of
 * reading the rows (BENCHMARKS.md, "Export"). What the service stored is compact JSON (Jackson writes no raw line
 * breaks), so each event stays on one line; the stored bytes are in the line anyway for whoever checks them.
 */
final class ExportLines implements AutoCloseable {

    private static final SerializableString NO_METADATA = new SerializedString("{}");

    private final JsonGenerator json;

    ExportLines(JsonFactory factory, OutputStream output) {
        try {
            this.json = factory.createGenerator(output);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // lines are ended here, not by Jackson's space between root values
        json.setRootValueSeparator(null);
    }

    void write(ExportedEvent event) {
        try {
            json.writeStartObject();
            json.writeStringField("eventId", event.eventId());
            json.writeStringField("projectId", event.projectId());
            json.writeNumberField("sequenceNumber", event.sequenceNumber());
            json.writeNumberField("globalPosition", event.globalPosition());
            json.writeStringField("type", event.type());
            if (event.revision() != null) {
                json.writeStringField("revision", event.revision());
            }
            json.writeStringField("recordedAt", event.recordedAt().toString());
            json.writeFieldName("metadata");
            json.writeRawValue(event.metaData() == null ? NO_METADATA : new StoredJsonBytes(event.metaData()));
            json.writeFieldName("payload");
            json.writeRawValue(new StoredJsonBytes(event.payload()));
            json.writeObjectFieldStart("stored");
            if (event.aggregateType() != null) {
                json.writeStringField("aggregateType", event.aggregateType());
            }
            json.writeStringField("payloadType", event.payloadType());
            json.writeFieldName("payload");
            json.writeBinary(event.payload());
            if (event.metaData() != null) {
                json.writeFieldName("metaData");
                json.writeBinary(event.metaData());
            }
            json.writeEndObject();
            if (event.leaf() != null) {
                json.writeObjectFieldStart("leaf");
                json.writeNumberField("index", event.leaf().index());
                json.writeFieldName("hash");
                json.writeBinary(event.leaf().hash());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException clientGone) {
            throw new UncheckedIOException(clientGone);
        }
    }

    /** Stored UTF-8 JSON handed to Jackson as the raw bytes they are, without decoding them to text and back. */
    private record StoredJsonBytes(byte[] bytes) implements SerializableString {

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + bytes.length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return bytes.length;
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return bytes;
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes);
            return bytes.length;
        }

        @Override
        public String getValue() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String value = getValue();
            if (offset + value.length() > buffer.length) {
                return -1;
            }
            value.getChars(0, value.length(), buffer, offset);
            return value.length();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int putQuotedUTF8(java.nio.ByteBuffer buffer) {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int putUnquotedUTF8(java.nio.ByteBuffer buffer) {
            if (buffer.remaining() < bytes.length) {
                return -1;
            }
            buffer.put(bytes);
            return bytes.length;
        }
    }

    @Override
    public void close() {
        try {
            json.flush();
        } catch (IOException clientGone) {
            throw new UncheckedIOException(clientGone);
        }
    }
}
