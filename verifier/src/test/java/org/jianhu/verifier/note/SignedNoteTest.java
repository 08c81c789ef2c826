package org.jianhu.verifier.note;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signed notes and verifier keys as C2SP signed-note defines them, starting with the specification's example. */
class SignedNoteTest {

    private static final String SPEC_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
    private static final String SPEC_NOTE = """
            This is an example message.

            — example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=
            """;

    @Test
    void theSpecificationsVerifierKeyVerifiesItsExampleNote() {
        VerifierKey key = VerifierKey.parse(SPEC_VKEY);
        SignedNote note = SignedNote.parse(SPEC_NOTE);

        assertThat(note.text()).isEqualTo("This is an example message.\n");
        assertThat(key.name()).isEqualTo("example.com/foo");
        assertThat(key.id()).isEqualTo(0x530d903a);
        assertThat(key.encoded()).isEqualTo(SPEC_VKEY);
        assertThat(key.fault(note)).isEmpty();
        assertThat(note.encoded()).isEqualTo(SPEC_NOTE);
    }

    @Test
    void aChangedTextNoLongerVerifies() {
        SignedNote changed = SignedNote.parse(SPEC_NOTE.replace("example message", "exemplary message"));

        assertThat(VerifierKey.parse(SPEC_VKEY).fault(changed)).hasValueSatisfying(fault ->
                assertThat(fault).contains("does not verify"));
    }

    @Test
    void signaturesOfOtherKeysAreIgnoredButOneOfOursMustBeThere() {
        NoteSigner log = signer("example.com/log");
        NoteSigner witness = signer("witness.example/w1");
        SignedNote byLog = log.sign("checkpoint text\n");
        SignedNote cosigned = new SignedNote(byLog.text(), List.of(byLog.signatures().get(0),
                witness.sign("checkpoint text\n").signatures().get(0)));

        assertThat(log.verifierKey().fault(SignedNote.parse(cosigned.encoded()))).isEmpty();
        assertThat(witness.verifierKey().fault(byLog)).hasValueSatisfying(fault ->
                assertThat(fault).contains("no signature of the key witness.example/w1+"));
    }

    @Test
    void aKeyOfTheSameNameButAnotherIdIsAnotherKey() {
        NoteSigner real = signer("jianhu.example/log");
        NoteSigner impostor = signer("jianhu.example/log");

        assertThat(real.verifierKey().fault(impostor.sign("3\n"))).hasValueSatisfying(fault ->
                assertThat(fault).contains("no signature of the key jianhu.example/log+"));
    }

    @Test
    void aVerifierKeyIsReadBackAsItWasWritten() {
        VerifierKey key = signer("jianhu.example/project-log").verifierKey();

        assertThat(VerifierKey.parse(key.encoded() + "\n")).isEqualTo(key);
    }

    @Test
    void aVerifierKeyWhoseIdIsNotItsOwnIsRefused() {
        String wrongId = SPEC_VKEY.replace("530d903a", "530d903b");

        assertThatThrownBy(() -> VerifierKey.parse(wrongId)).isInstanceOf(MalformedNote.class)
                .hasMessageContaining("not the id of this name and key");
        assertThatThrownBy(() -> VerifierKey.parse("example.com/foo+530d903a")).isInstanceOf(MalformedNote.class);
        assertThatThrownBy(() -> VerifierKey.parse("example.com/foo+530d903a+AQ==")).isInstanceOf(MalformedNote.class);
    }

    @Test
    void whatIsNoSignedNoteIsRefused() {
        assertThatThrownBy(() -> SignedNote.parse("no blank line\n— a b\n")).isInstanceOf(MalformedNote.class);
        assertThatThrownBy(() -> SignedNote.parse("text\n\n")).isInstanceOf(MalformedNote.class);
        assertThatThrownBy(() -> SignedNote.parse("text\n\n— name AAAA\n")).isInstanceOf(MalformedNote.class)
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> SignedNote.parse("text\n\n- name AAAAAAAA\n")).isInstanceOf(MalformedNote.class);
        assertThatThrownBy(() -> SignedNote.parse("te\txt\n\n— name AAAAAAAA\n")).isInstanceOf(MalformedNote.class)
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> SignedNote.parse("text\n\n— name AAAAAAAA")).isInstanceOf(MalformedNote.class);
    }

    @Test
    void theTextEndsAtTheLastBlankLine() {
        SignedNote note = signer("example.com/log").sign("first\n\nsecond\n");

        assertThat(SignedNote.parse(note.encoded()).text()).isEqualTo("first\n\nsecond\n");
    }

    static NoteSigner signer(String name) {
        try {
            KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new NoteSigner(name, keys);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
