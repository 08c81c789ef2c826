package org.jianhu.verifier.note;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The C2SP tlog-proof text format, starting with the specification's example. */
class TlogProofTest {

    private static final String SPEC_PROOF = """
            c2sp.org/tlog-proof@v1
            extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ
            index 73894
            gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=
            B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=
            EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=
            RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=
            AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=

            example.com/fancylog
            109482
            sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=

            — example.com/fancylog hI2DJw[...]1roloI=
            """;

    @Test
    void theSpecificationsExampleIsReadIntoItsParts() {
        TlogProof proof = TlogProof.parse(SPEC_PROOF);

        assertThat(new String(proof.extra(), StandardCharsets.ISO_8859_1)).startsWith("age-v1.2.1-darwin-arm64.tar.gz");
        assertThat(proof.index()).isEqualTo(73894);
        assertThat(proof.proof()).hasSize(5);
        assertThat(proof.checkpointNote()).startsWith("example.com/fancylog\n109482\n")
                .endsWith("— example.com/fancylog hI2DJw[...]1roloI=\n");
        assertThat(proof.encoded()).isEqualTo(SPEC_PROOF);
    }

    @Test
    void theExtraLineMayBeLeftOut() {
        String withoutExtra = SPEC_PROOF.replaceFirst("extra .*\n", "");

        assertThat(TlogProof.parse(withoutExtra).extra()).isNull();
        assertThat(TlogProof.parse(withoutExtra).encoded()).isEqualTo(withoutExtra);
    }

    @Test
    void whatIsNoTlogProofIsRefused() {
        assertThatThrownBy(() -> TlogProof.parse(SPEC_PROOF.replace("tlog-proof@v1", "tlog-proof@v2")))
                .isInstanceOf(MalformedNote.class);
        assertThatThrownBy(() -> TlogProof.parse(SPEC_PROOF.replace("index 73894", "index 073894")))
                .isInstanceOf(MalformedNote.class);
        assertThatThrownBy(() -> TlogProof.parse(SPEC_PROOF.replace("AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=",
                "AHCioX9n"))).isInstanceOf(MalformedNote.class).hasMessageContaining("32 bytes");
    }
}
