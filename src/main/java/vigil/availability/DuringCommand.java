package vigil.availability;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import vigil.report.DuringResult;

/**
 * The {@code --during} command (a deploy, a fault script): run with {@code sh -c}, its stdout and stderr
 * appended to a log file (e.g. {@code reports/during.log}), waited for, its exit code and times recorded.
 *
 * <p>Example: {@code DuringResult r = new DuringCommand("bosh -d cf deploy cf.yml", log, clock).run();}
 */
public final class DuringCommand {
    /** sh's exit code when the command is not found. */
    public static final int NOT_FOUND = 127;
    /** sh's exit code when the command is found but cannot be executed. */
    public static final int NOT_EXECUTABLE = 126;

    private final String command;
    private final Path log;
    private final Clock clock;
    private volatile Process process;
    private volatile boolean stopped;

    public DuringCommand(String command, Path log, Clock clock) {
        this.command = Objects.requireNonNull(command, "command");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (command.isBlank()) {
            throw new IllegalArgumentException("the --during command is empty");
        }
    }

    public String command() {
        return command;
    }

    public Path log() {
        return log;
    }

    /**
     * Runs the command to its end.
     *
     * @return its result; the exit code is {@code null} when {@link #stop} ended it
     * @throws DuringCommandException when {@code sh} cannot be started or the log cannot be written
     */
    public DuringResult run() throws DuringCommandException {
        Instant start = clock.instant();
        Process started;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    // A deploy must not read Vigil's own input (or wait for it, in CI).
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            synchronized (this) {
                if (stopped) {
                    return new DuringResult(command, null, start, clock.instant());
                }
                started = builder.start();
                process = started;
            }
        } catch (IOException e) {
            throw new DuringCommandException("cannot start the --during command with sh (" + e.getMessage()
                    + "): " + command, e);
        }
        try {
            int exit = started.waitFor();
            return new DuringResult(command, stopped ? null : exit, start, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return new DuringResult(command, null, start, clock.instant());
        }
    }

    /**
     * Ends the command and what it started (on SIGINT/SIGTERM of Vigil): nothing must be left running
     * unobserved.
     */
    public synchronized void stop() {
        stopped = true;
        Process running = process;
        if (running != null && running.isAlive()) {
            running.descendants().forEach(ProcessHandle::destroy);
            running.destroy();
        }
    }

    /**
     * Says why a result counts as failed, for people, or returns {@code null} when it succeeded.
     * sh reports a missing command only as exit code 127, so that is named here.
     */
    public static String failure(DuringResult result, Path log) {
        Integer exit = result.exitCode();
        if (exit == null) {
            return "the --during command was stopped before it ended: " + result.command();
        }
        if (exit == 0) {
            return null;
        }
        String why = switch (exit) {
            case NOT_FOUND -> "was not found (sh exit 127)";
            case NOT_EXECUTABLE -> "could not be executed (sh exit 126)";
            default -> "failed with exit code " + exit;
        };
        return "the --during command " + why + ": " + result.command() + " (its output is in " + log + ")";
    }
}
