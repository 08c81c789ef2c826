package org.jianhu.verifier.cli;

import org.jianhu.verifier.audit.CheckpointFile;
import org.jianhu.verifier.audit.Finding;
import org.jianhu.verifier.audit.RecordVerification;
import org.jianhu.verifier.audit.Verdict;
import org.jianhu.verifier.note.MalformedNote;
import org.jianhu.verifier.note.VerifierKey;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code java -jar verifier.jar --log <export.ndjson> --key <vkey> --checkpoints <dir>}: recomputes the record's
 * tree from an export and holds it against the checkpoints an auditor kept. {@code --proof <file> --key <vkey>}
 * checks one event's tlog-proof. Exit 0: verified (one line says what); 1: the record differs (the first line names
 * the first position where it does); 2: the command or its files could not be read.
 */
public final class Verify {

    static final int VERIFIED = 0;
    static final int DIFFERS = 1;
    static final int UNUSABLE = 2;
    private static final int FINDINGS_SHOWN = 20;
    private static final String USAGE = """
            usage: verify --log <export.ndjson> --key <vkey> --checkpoints <dir>
                   verify --proof <event.tlog-proof> --key <vkey>
              --log          the NDJSON export of the record (GET /api/events)
              --key          the log's verifier key (GET /api/integrity/key), or a file holding it
              --checkpoints  a directory of kept checkpoints, one signed note per file
              --proof        a tlog-proof file of one event (GET /api/events/{position}/proof)""";

    private final PrintStream out;
    private final PrintStream err;

    public Verify(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Verify(System.out, System.err).run(args));
    }

    public int run(String[] args) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException wrong) {
            err.println(wrong.getMessage());
            err.println(USAGE);
            return UNUSABLE;
        }
        try {
            VerifierKey key = key(options.get("--key"));
            if (options.containsKey("--proof")) {
                return new ProofVerification(key).verify(read(Path.of(options.get("--proof"))), out);
            }
            return verifyRecord(key, Path.of(options.get("--log")), Path.of(options.get("--checkpoints")));
        } catch (MalformedNote unusable) {
            err.println("the verifier key is not usable: " + unusable.getMessage());
            return UNUSABLE;
        } catch (IOException | UncheckedIOException unreadable) {
            err.println("could not read: " + unreadable.getMessage());
            return UNUSABLE;
        }
    }

    private int verifyRecord(VerifierKey key, Path log, Path checkpointDirectory) throws IOException {
        if (!Files.isDirectory(checkpointDirectory)) {
            err.println("no directory of checkpoints at " + checkpointDirectory);
            return UNUSABLE;
        }
        List<CheckpointFile> checkpoints = checkpoints(checkpointDirectory);
        Verdict verdict;
        try (BufferedReader export = strictUtf8(log)) {
            verdict = new RecordVerification(key).verify(export, checkpoints);
        }
        if (verdict.verified()) {
            out.println(verdict.summary());
            return VERIFIED;
        }
        out.println("the record differs at " + verdict.headline());
        List<Finding> findings = verdict.findings();
        findings.stream().skip(1).limit(FINDINGS_SHOWN).forEach(finding -> out.println("  also: "
                + verdict.describe(finding)));
        if (findings.size() > FINDINGS_SHOWN + 1) {
            out.println("  … and " + (findings.size() - FINDINGS_SHOWN - 1) + " findings more");
        }
        return DIFFERS;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!List.of("--log", "--key", "--checkpoints", "--proof").contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        boolean record = options.keySet().containsAll(List.of("--log", "--key", "--checkpoints"))
                && !options.containsKey("--proof");
        boolean proof = options.keySet().equals(java.util.Set.of("--proof", "--key"));
        if (!record && !proof) {
            throw new IllegalArgumentException("give --log, --key and --checkpoints, or --proof and --key");
        }
        return options;
    }

    /** A vkey given as it is, or the file holding it. */
    private static VerifierKey key(String argument) throws IOException {
        Path file = Path.of(argument);
        return VerifierKey.parse(Files.isRegularFile(file) ? read(file) : argument);
    }

    private static List<CheckpointFile> checkpoints(Path directory) throws IOException {
        List<CheckpointFile> checkpoints = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted().toList()) {
                checkpoints.add(new CheckpointFile(file.getFileName().toString(), read(file)));
            }
        }
        return checkpoints;
    }

    private static String read(Path file) throws IOException {
        try (BufferedReader reader = strictUtf8(file)) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }
    }

    private static BufferedReader strictUtf8(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 20);
    }
}
