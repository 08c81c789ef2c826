package org.jianhu.verifier.cli;

import org.jianhu.verifier.Records;
import org.jianhu.verifier.audit.CheckpointFile;
import org.jianhu.verifier.event.LeafEncoding;
import org.jianhu.verifier.event.StoredEvent;
import org.jianhu.verifier.note.NoteSigner;
import org.jianhu.verifier.note.TlogProof;
import org.jianhu.verifier.tree.MemoryTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command an auditor runs: its arguments, its files, what it prints and how it exits. */
class VerifyTest {

    @TempDir
    Path directory;

    private final NoteSigner log = Records.logKey();
    private final List<StoredEvent> events = Records.events(9);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path export;
    private Path key;
    private Path checkpoints;

    @BeforeEach
    void keepTheRecord() throws IOException {
        export = Files.write(directory.resolve("export.ndjson"), Records.export(events));
        key = Files.writeString(directory.resolve("log.vkey"), log.verifierKey().encoded() + "\n");
        checkpoints = Files.createDirectory(directory.resolve("checkpoints"));
        for (CheckpointFile file : Records.checkpoints(log, events, 3, 9)) {
            Files.writeString(checkpoints.resolve(file.source()), file.note());
        }
    }

    @Test
    void anUntouchedRecordExitsZeroWithOneLineSayingWhatWasVerified() {
        int exit = run("--log", export.toString(), "--key", key.toString(), "--checkpoints", checkpoints.toString());

        assertThat(exit).isZero();
        assertThat(printed()).isEqualTo("verified: 9 events, 2 checkpoints; the first 9 events have the root the log "
                + "signed at size 9 (checkpoint-9)\n");
    }

    @Test
    void theKeyMayBeGivenAsItIs() {
        int exit = run("--log", export.toString(), "--key", log.verifierKey().encoded(), "--checkpoints",
                checkpoints.toString());

        assertThat(exit).isZero();
    }

    @Test
    void aChangedRecordExitsOneNamingTheFirstPositionWhereItDiffers() throws IOException {
        List<String> lines = Files.readAllLines(export);
        lines.set(4, lines.get(4).replace("\"note\":\"第4次\"", "\"note\":\"第5次\"")
                .replace(base64(events.get(4).payload()), base64(events.get(4).payload(), "第4次", "第5次")));
        Files.write(export, lines);

        int exit = run("--log", export.toString(), "--key", key.toString(), "--checkpoints", checkpoints.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).startsWith("the record differs at position 22 (leaf 4): event event-22 at position 22 "
                + "is not the event the log's tree recorded there")
                .contains("  also: positions 19 to 34 (leaves 3 to 8)");
    }

    @Test
    void aCheckpointNotSignedByTheLogExitsOne() throws IOException {
        Files.writeString(checkpoints.resolve("forged"), Records.logKey().sign("jianhu.test/project-log\n9\n"
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n").encoded());

        int exit = run("--log", export.toString(), "--key", key.toString(), "--checkpoints", checkpoints.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).startsWith("the record differs at checkpoint forged is not the log's");
    }

    @Test
    void wrongUseAndUnreadableFilesExitTwo() {
        assertThat(run("--log", export.toString())).isEqualTo(2);
        assertThat(errors()).contains("usage: verify --log");
        assertThat(run("--log", directory.resolve("absent").toString(), "--key", key.toString(), "--checkpoints",
                checkpoints.toString())).isEqualTo(2);
        assertThat(run("--log", export.toString(), "--key", "not-a-key", "--checkpoints", checkpoints.toString()))
                .isEqualTo(2);
        assertThat(run("--log", export.toString(), "--key", key.toString(), "--checkpoints",
                directory.resolve("absent").toString())).isEqualTo(2);
    }

    @Test
    void anEventsTlogProofVerifiesAndShowsTheEvent() throws IOException {
        Path proof = Files.writeString(directory.resolve("event.tlog-proof"), tlogProof(6).encoded());

        int exit = run("--proof", proof.toString(), "--key", key.toString());

        assertThat(exit).isZero();
        assertThat(printed()).startsWith("verified: event event-28 at position 28 (p-0 #2, "
                + "org.jianhu.contracts.project.ProgressReported, recorded ").endsWith(
                "is leaf 6 of the tree of 9 events signed by jianhu.test/project-log\n");
    }

    @Test
    void aTlogProofOfAChangedEventDoesNotVerify() throws IOException {
        TlogProof genuine = tlogProof(6);
        byte[] changed = LeafEncoding.encode(Records.event(28, "p-0", 2, "{\"physicalProgress\":100}"));
        Path proof = Files.writeString(directory.resolve("event.tlog-proof"),
                new TlogProof(changed, 6, genuine.proof(), genuine.checkpointNote()).encoded());

        int exit = run("--proof", proof.toString(), "--key", key.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).isEqualTo("the proof does not verify: the leaf and the proof do not lead to the root\n");
    }

    private TlogProof tlogProof(int leaf) {
        MemoryTree tree = new MemoryTree();
        events.forEach(event -> tree.append(LeafEncoding.leafHash(event)));
        String checkpoint = Records.checkpoints(log, events, 9).get(0).note();
        return new TlogProof(LeafEncoding.encode(events.get(leaf)), leaf, tree.proofs().inclusion(leaf, 9), checkpoint);
    }

    private int run(String... args) {
        return new Verify(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8)).run(args);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String base64(byte[] bytes) {
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    private static String base64(byte[] bytes, String from, String to) {
        return base64(new String(bytes, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8));
    }
}
