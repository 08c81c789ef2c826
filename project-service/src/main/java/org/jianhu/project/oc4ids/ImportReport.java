package org.jianhu.project.oc4ids;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did with a package, field by field. {@code problems} are parts that cannot be recorded
 * (another currency, an unknown code, a missing date, a fact the record refuses): in strict mode any one of
 * them refuses the whole package. {@code notKept} are fields the record has no place for; they never refuse a
 * package, and are listed so that nothing is dropped unsaid.
 */
public record ImportReport(String mode, boolean recorded, List<ImportedProject> projects, List<Entry> problems,
                           List<Entry> notKept) {

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
            return new ImportReport(mode.value(), recorded, List.copyOf(projects), List.copyOf(problems),
                    List.copyOf(notKept));
        }
    }
}
