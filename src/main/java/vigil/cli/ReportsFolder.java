package vigil.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vigil.report.StagedReports;

/**
 * Checks a {@code --reports} folder before anything runs: a run whose reports cannot go anywhere is a
 * usage error, found in milliseconds, not after an hour of scenarios. The folder itself is made later, by
 * the run; here only what is in its way is looked at (a file, or an ancestor that is a file or read-only).
 */
final class ReportsFolder {
    private ReportsFolder() {
    }

    static void check(String option, Path folder) throws UsageException {
        Path absolute = folder.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new UsageException(option + ": " + existing + " is a file, so the reports cannot go to " + absolute
                    + "; give a folder (it is made if missing)");
        }
        if (!Files.isWritable(existing)) {
            throw new UsageException(option + ": " + existing + " is not writable, so the reports cannot go to "
                    + absolute + "; give a folder this user may write to");
        }
    }

    /**
     * Makes the reports folder and the staging folder a command writes its reports into (see {@link StagedReports}):
     * the real test of whether reports can go there, before anything runs. A folder that cannot be made or written
     * is a usage error naming it and the operating system's reason.
     */
    static StagedReports stage(String option, Path folder) throws UsageException {
        check(option, folder);
        try {
            return StagedReports.open(folder);
        } catch (IOException e) {
            throw new UsageException(option + ": cannot write reports to " + folder.toAbsolutePath().normalize() + ": "
                    + StagedReports.reason(e) + "; give a folder this user may write to (it is made if missing)");
        }
    }
}
