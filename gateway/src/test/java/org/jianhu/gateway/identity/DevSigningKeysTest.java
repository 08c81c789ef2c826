package org.jianhu.gateway.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.KeyPair;

import static org.assertj.core.api.Assertions.assertThat;

class DevSigningKeysTest {

    @Test
    void aKeptKeyIsTheSameAfterARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/dev-signing.key");
        KeyPair first = DevSigningKeys.kept(file);
        KeyPair again = DevSigningKeys.kept(file);
        assertThat(again.getPublic().getEncoded()).isEqualTo(first.getPublic().getEncoded());
        assertThat(again.getPrivate().getEncoded()).isEqualTo(first.getPrivate().getEncoded());
    }

    @Test
    void aKeyMadeAtStartIsNewEachTime() throws Exception {
        assertThat(DevSigningKeys.made().getPublic().getEncoded()).isNotEqualTo(DevSigningKeys.made().getPublic().getEncoded());
    }
}
