package vigil.cli;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
