package org.jianhu.verifier.export;

import org.jianhu.verifier.Records;
import org.jianhu.verifier.event.LeafEncoding;
import org.jianhu.verifier.event.StoredEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportLineTest {

    private static final StoredEvent EVENT = Records.event(17, "p-1", 4, "{\"physicalProgress\":12.50}");

    @Test
    void aLineIsReadBackIntoTheStoredEventItWasExportedFrom() {
        ExportLine line = ExportLine.parse(Records.line(EVENT, 9L, LeafEncoding.leafHash(EVENT)));

        assertThat(line.event()).isEqualTo(EVENT);
        assertThat(line.disagreement()).isEmpty();
        assertThat(line.claimedLeaf()).hasValueSatisfying(leaf -> {
            assertThat(leaf.index()).isEqualTo(9);
            assertThat(leaf.hash()).isEqualTo(LeafEncoding.leafHash(EVENT));
        });
    }

    @Test
    void theReadablePayloadMayBeReSerialisedButMustSayWhatIsStored() {
        String line = Records.line(EVENT, null, null);

        assertThat(ExportLine.parse(line.replace("\"payload\":{\"physicalProgress\":12.50}",
                "\"payload\":{ \"physicalProgress\": 12.5 }")).disagreement()).isEmpty();
        assertThat(ExportLine.parse(line.replace("\"payload\":{\"physicalProgress\":12.50}",
                "\"payload\":{\"physicalProgress\":99}")).disagreement())
                .hasValue("its readable payload is not the stored payload");
        assertThat(ExportLine.parse(line.replace("\"actorUser\":\"owner-zhang\",", "\"actorUser\":\"admin\","))
                .disagreement()).hasValue("its readable metadata is not the stored metadata");
        assertThat(ExportLine.parse(line.replace("\"type\":\"ProgressReported\"", "\"type\":\"PaymentMade\""))
                .disagreement()).hasValueSatisfying(fault -> assertThat(fault).contains("is not the stored"));
    }

    @Test
    void aLineWithoutTheStoredRecordIsNoExportedEvent() {
        String envelopeOnly = Records.line(EVENT, null, null).replaceFirst(",\"stored\":\\{.*}}$", "}");

        assertThatThrownBy(() -> ExportLine.parse(envelopeOnly)).isInstanceOf(MalformedJson.class)
                .hasMessageContaining("stored is not a JSON object");
    }
}
