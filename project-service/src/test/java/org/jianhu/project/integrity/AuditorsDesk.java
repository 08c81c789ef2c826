package org.jianhu.project.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.project.support.Api;
import org.jianhu.verifier.cli.Verify;
import org.jianhu.verifier.note.VerifierKey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an auditor does with the integrity API, kept on their own disk: fetch the verifier key, keep every
 * checkpoint, export the record, and run the offline verifier over it as {@code ./jianhu verify} does.
 */
public final class AuditorsDesk {

    /** How the verifier exited and what it printed. */
    public record Verification(int exit, String output) {
    }

    private final Api auditor;
    private final Path desk;

    public AuditorsDesk(Api auditor, Path desk) {
        this.auditor = auditor;
        this.desk = desk;
    }

    public VerifierKey key() {
        return VerifierKey.parse(auditor.get("/api/integrity/key").raw().body());
    }

    /** Keeps every checkpoint the log has signed so far, one note per file, as a witness would. */
    public Path keepCheckpoints() {
        Path kept = desk.resolve("checkpoints");
        JsonNode checkpoints = auditor.get("/api/integrity/checkpoints?after=0&limit=1000").json();
        try {
            Files.createDirectories(kept);
            for (JsonNode checkpoint : checkpoints) {
                Files.writeString(kept.resolve(checkpoint.get("size").asText() + ".note"),
                        checkpoint.get("note").asText());
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return kept;
    }

    /** Keeps one more note (a checkpoint taken from elsewhere) among the kept ones. */
    void keep(String name, String note) {
        try {
            Files.writeString(keepCheckpoints().resolve(name), note);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    Path export() {
        try {
            return Files.writeString(desk.resolve("export.ndjson"), auditor.get("/api/events").raw().body());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The offline verifier over a fresh export, with the key given now and the checkpoints kept so far. */
    public Verification verify(VerifierKey key) {
        Path export = export();
        Path vkey = write("log.vkey", key.encoded());
        return run("--log", export.toString(), "--key", vkey.toString(), "--checkpoints",
                desk.resolve("checkpoints").toString());
    }

    Verification verifyProof(String tlogProof, VerifierKey key) {
        return run("--proof", write("event.tlog-proof", tlogProof).toString(), "--key", key.encoded());
    }

    private Verification run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream printer = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = new Verify(printer, printer).run(arguments);
        return new Verification(exit, out.toString(StandardCharsets.UTF_8));
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(desk.resolve(name), content);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
