package org.jianhu.project.integrity.checkpoint;

import org.jianhu.verifier.note.NoteSigner;
import org.jianhu.verifier.note.SignedCheckpoint;
import org.jianhu.verifier.note.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The log's key: from an operator's file (or Secret), or a development key made once and kept. */
class LogKeyTest {

    /** Made with {@code openssl genpkey -algorithm ed25519}; for this test only. */
    private static final String OPENSSL_KEY = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEII/GZHD2qEDc4lioazQwlgUPbNAjSsRBr0/RUsddwJLh
            -----END PRIVATE KEY-----
            """;
    /** {@code openssl pkey -pubout} of it, the 32 key bytes. */
    private static final String OPENSSL_PUBLIC_KEY = "wPFHMzQfzwcSPI4xibK2Df3yoBvUv2sDb4J363MJdK0=";

    @TempDir
    Path directory;

    @Test
    void aKeyMadeByOpensslSignsUnderItsOwnPublicKey() throws Exception {
        Path file = Files.writeString(directory.resolve("log-key.pem"), OPENSSL_KEY);

        NoteSigner signer = LogKey.signer("jianhu.example/log", file, false);

        byte[] material = Base64.getDecoder().decode(signer.verifierKey().encoded().split("\\+", 3)[2]);
        assertThat(Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(material, 1, 33)))
                .isEqualTo(OPENSSL_PUBLIC_KEY);
        String text = new Checkpoint("jianhu.example/log", 1, new byte[32]).text();
        assertThat(SignedCheckpoint.verify(signer.sign(text).encoded(), signer.verifierKey()).size()).isEqualTo(1);
    }

    @Test
    void aMissingKeyStopsTheServiceUnlessADevelopmentKeyMayBeMade() {
        Path missing = directory.resolve("secrets/log-key.pem");

        assertThatThrownBy(() -> LogKey.signer("jianhu.example/log", missing, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("generate-key=false");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aDevelopmentKeyIsMadeOnceKeptOwnerOnlyAndUsedAgain() throws Exception {
        Path file = directory.resolve("dev/log-key.pem");

        NoteSigner first = LogKey.signer("jianhu.example/log", file, true);
        NoteSigner again = LogKey.signer("jianhu.example/log", file, true);

        assertThat(again.verifierKey()).isEqualTo(first.verifierKey());
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aFileWithoutAnEd25519KeyIsRefused() throws Exception {
        Path file = Files.writeString(directory.resolve("log-key.pem"), "not a key\n");

        assertThatThrownBy(() -> LogKey.signer("jianhu.example/log", file, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no PEM PRIVATE KEY");
    }
}
