package org.jianhu.verifier.note;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checkpoints as C2SP tlog-checkpoint defines them, and their signatures by the log's key. */
class CheckpointTest {

    private static final String SPEC_TEXT = """
            example.com/behind-the-sofa
            20852163
            CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
            """;

    @Test
    void theSpecificationsCheckpointIsReadLineByLine() {
        Checkpoint checkpoint = Checkpoint.parse(SPEC_TEXT);

        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163);
        assertThat(checkpoint.root()).isEqualTo(Base64.getDecoder().decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="));
        assertThat(checkpoint.text()).isEqualTo(SPEC_TEXT);
    }

    @Test
    void sizesAreDecimalsWithoutLeadingZerosAndRootsAreHashes() {
        assertThatThrownBy(() -> Checkpoint.parse(SPEC_TEXT.replace("20852163", "020852163")))
                .isInstanceOf(MalformedNote.class).hasMessageContaining("leading zeros");
        assertThatThrownBy(() -> Checkpoint.parse(SPEC_TEXT.replace("20852163", "-1")))
                .isInstanceOf(MalformedNote.class);
        assertThatThrownBy(() -> Checkpoint.parse(SPEC_TEXT.replace("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=",
                "ZG9uJ3QgY2FyZSAy"))).isInstanceOf(MalformedNote.class).hasMessageContaining("32-byte root");
        assertThat(Checkpoint.parse(SPEC_TEXT.replace("20852163", "0")).size()).isZero();
    }

    @Test
    void extensionLinesAreRefusedAsNothingInThemCouldBeAudited() {
        assertThatThrownBy(() -> Checkpoint.parse(SPEC_TEXT + "extension\n")).isInstanceOf(MalformedNote.class);
        assertThatThrownBy(() -> Checkpoint.parse(SPEC_TEXT.strip())).isInstanceOf(MalformedNote.class);
    }

    @Test
    void aCheckpointIsBelievedOnlyWhenSignedByTheKeyNamedByItsOrigin() {
        NoteSigner log = SignedNoteTest.signer("example.com/behind-the-sofa");
        NoteSigner other = SignedNoteTest.signer("example.com/another-log");
        String signed = log.sign(SPEC_TEXT).encoded();

        assertThat(SignedCheckpoint.verify(signed, log.verifierKey()).size()).isEqualTo(20852163);
        assertThatThrownBy(() -> SignedCheckpoint.verify(signed, other.verifierKey()))
                .isInstanceOf(UnverifiedNote.class).hasMessageContaining("no signature");
        String otherOrigin = SPEC_TEXT.replace("example.com/behind-the-sofa", "example.com/another-log");
        assertThatThrownBy(() -> SignedCheckpoint.verify(log.sign(otherOrigin).encoded(), log.verifierKey()))
                .isInstanceOf(UnverifiedNote.class).hasMessageContaining("a checkpoint of example.com/another-log");
    }
}
