package org.jianhu.gateway.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The development issuer's signing key: made once and kept in a file when one is named, so that tokens outlive
 * a restart of the gateway (as they would with a real identity provider); otherwise made at start and forgotten.
 */
final class DevSigningKeys {

    private DevSigningKeys() {
    }

    static KeyPair made() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** The key in {@code file}, made and written there (readable by its owner only) when the file does not exist. */
    static KeyPair kept(Path file) throws GeneralSecurityException {
        try {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1)))),
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0)))));
            }
            KeyPair key = made();
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path written = Files.createFile(file);
            try {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without owners: the file is as private as its directory
            }
            Files.write(written, List.of(Base64.getEncoder().encodeToString(key.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(key.getPublic().getEncoded())), StandardCharsets.US_ASCII);
            return key;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("the development signing key " + file + " cannot be kept", unreadable);
        }
    }
}
