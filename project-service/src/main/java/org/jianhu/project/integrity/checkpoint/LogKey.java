package org.jianhu.project.integrity.checkpoint;

import org.jianhu.verifier.note.NoteSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The log's Ed25519 signing key, read from a PKCS#8 PEM file ({@code openssl genpkey -algorithm ed25519}), which may
 * be a Kubernetes Secret mounted as a file. Missing, and only if allowed, a development key is made there and kept,
 * so the log keeps its identity across restarts. The key never goes into the database: whoever can rewrite the
 * database must not be able to sign for the log.
 */
public final class LogKey {

    private static final Logger log = LoggerFactory.getLogger(LogKey.class);
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    /** The DER of an Ed25519 PKCS#8 key (RFC 8410) ends in its 32-byte seed. */
    private static final int SEED_SIZE = 32;

    private LogKey() {
    }

    public static NoteSigner signer(String origin, Path keyFile, boolean generateIfMissing) {
        if (!Files.exists(keyFile)) {
            if (!generateIfMissing) {
                throw new IllegalStateException("no log key at " + keyFile.toAbsolutePath() + " and generating one is"
                        + " not allowed (jianhu.integrity.generate-key=false): mount the log's key there");
            }
            generate(keyFile);
        }
        NoteSigner signer = new NoteSigner(origin, read(keyFile));
        log.info("log key {} from {}", signer.verifierKey().encoded(), keyFile.toAbsolutePath());
        return signer;
    }

    static KeyPair read(Path keyFile) {
        try {
            String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
            int begin = pem.indexOf(BEGIN);
            int end = pem.indexOf(END);
            if (begin < 0 || end < begin) {
                throw new IllegalStateException(keyFile + " holds no PEM PRIVATE KEY block");
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
            KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            return fromSeed(Arrays.copyOfRange(der, der.length - SEED_SIZE, der.length));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the log key " + keyFile, unreadable);
        } catch (GeneralSecurityException | IllegalArgumentException notEd25519) {
            throw new IllegalStateException(keyFile + " holds no Ed25519 private key", notEd25519);
        }
    }

    /**
     * The key pair of a seed. The JDK (17) derives a public key only while generating a pair, from the random bytes
     * it draws: handing it the seed as those bytes gives the pair back.
     */
    static KeyPair fromSeed(byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        return generator.generateKeyPair();
    }

    private static void generate(Path keyFile) {
        try {
            KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String pem = BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[]{'\n'})
                    .encodeToString(keys.getPrivate().getEncoded()) + "\n" + END + "\n";
            Path directory = keyFile.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path written = Files.createTempFile(directory, ".log-key", ".pem");
            try {
                restrictToOwner(written);
                Files.writeString(written, pem, StandardCharsets.US_ASCII);
                // A link appears whole or not at all, and never replaces a key another instance made first.
                Files.createLink(keyFile, written);
                log.warn("no log key at {}: made a development key there; production mounts its own "
                        + "(jianhu.integrity.key-file) and sets jianhu.integrity.generate-key=false", keyFile);
            } catch (FileAlreadyExistsException madeMeanwhile) {
                log.info("another instance made the log key at {} first", keyFile);
            } finally {
                Files.deleteIfExists(written);
            }
        } catch (IOException unwritable) {
            throw new UncheckedIOException("cannot make a log key at " + keyFile, unwritable);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JDK 17 makes Ed25519 keys", impossible);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions keeps its own
        }
    }
}
