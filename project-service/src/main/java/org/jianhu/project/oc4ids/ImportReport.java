package org.jianhu.project.oc4ids;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did with a package, field by field. {@code problems} are parts that cannot be recorded
 * (another currency, an unknown code, a missing date, a fact the record refuses): in strict mode any one of
 * them refuses the whole package. {@code notKept} are fields the record has no place for; they never refuse a
 * package, and are listed so that nothing is dropped unsaid.
 *
 * @param recorded    whether the package is recorded: in strict mode all of it, in partial mode all it could be
 * @param interrupted strict mode only: the package passed its dry run, but a project refused a fact when it was
 *                    recorded for real (another write changed it in between). {@code projects} is what was
 *                    recorded up to there, {@code problems} the refusal; importing the package again records the
 *                    rest, nothing twice
 */
public record ImportReport(String mode, boolean recorded, boolean interrupted, List<ImportedProject> projects,
                           List<Entry> problems, List<Entry> notKept) {

    /** One field: its JSON path in the package, what it holds, and why it was not recorded. */
    public record Entry(String path, String what, String why) {
    }

    /**
     * A project of the package: its code (the OC4IDS id), the Jianhu project it is, how many of its facts this
     * import recorded and how many were recorded already (a package imported again records nothing twice).
     */
    public record ImportedProject(String code, String projectId, boolean registered, int recorded,
                                  int alreadyRecorded, String status) {
    }

    /** Collects a report while a package is read and recorded. */
    static final class Builder {

        private final List<ImportedProject> projects = new ArrayList<>();
        private final List<Entry> problems = new ArrayList<>();
        private final List<Entry> notKept = new ArrayList<>();

        void problem(String path, Object what, String why) {
            problems.add(new Entry(path, what == null ? null : String.valueOf(what), why));
        }

        void notKept(String path, Object what, String why) {
            notKept.add(new Entry(path, what == null ? null : String.valueOf(what), why));
        }

        void project(ImportedProject project) {
            projects.add(project);
        }

        boolean hasProblems() {
            return !problems.isEmpty();
        }

        ImportReport build(ImportMode mode, boolean recorded) {
            return build(mode, recorded, false);
        }

        /** A strict import whose real run a project refused part-way, after the dry run had passed. */
        ImportReport buildInterrupted() {
            return build(ImportMode.STRICT, false, true);
        }

        private ImportReport build(ImportMode mode, boolean recorded, boolean interrupted) {
            return new ImportReport(mode.value(), recorded, interrupted, List.copyOf(projects),
                    List.copyOf(problems), List.copyOf(notKept));
        }
    }
}
