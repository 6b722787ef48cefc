package vigil.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows a run's progress on the console; may be called from any thread.
 *
 * <p>On a terminal it keeps one status line up to date ({@code \r}), and prints a line for each failed
 * scenario above it. Elsewhere (CI logs, files) it prints one line per finished scenario:
 * <pre>{@code [00:12] PASSED  smoke        The API answers (1.2 s)}</pre>
 * At the end it prints a table per suite, the verdict and where the HTML report is.
 */
public final class ConsoleProgress {
    /** How often the status line may be redrawn; faster is flicker and wasted output. */
    static final Duration REDRAW_INTERVAL = Duration.ofMillis(250);
    private static final long TICK_MILLIS = 1000;

    private final PrintStream out;
    private final boolean interactive;
    private final Clock clock;
    private final Instant start;
    private final Object lock = new Object();
    private final ScheduledExecutorService ticker;

    private int running;
    private int passed;
    private int failed;
    private int skipped;
    private int flaky;
    private Instant lastDrawn;
    private int statusWidth;
    private boolean finished;
    private volatile Instant wallStart;

    /**
     * @param interactive whether {@code out} is a terminal that understands {@code \r}; see {@link #forConsole}
     */
    public ConsoleProgress(PrintStream out, boolean interactive) {
        this(out, interactive, Clock.systemUTC(), interactive);
    }

    /** For tests: a fixed clock, and no ticker thread (the status line is redrawn on events only). */
    ConsoleProgress(PrintStream out, boolean interactive, Clock clock) {
        this(out, interactive, clock, false);
    }

    private ConsoleProgress(PrintStream out, boolean interactive, Clock clock, boolean tick) {
        this.out = Objects.requireNonNull(out, "out");
        this.interactive = interactive;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.start = clock.instant();
        if (tick) {
            // Keeps the elapsed time moving while long scenarios (availability runs take hours) report nothing.
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "vigil-console-progress");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleAtFixedRate(this::refresh, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /** Progress on {@code System.out}, interactive when the process has a terminal. */
    public static ConsoleProgress forConsole() {
        return new ConsoleProgress(System.out, isTerminal(System.getenv()));
    }

    /**
     * Whether the process writes to a terminal that redraws a line: not when output goes to a file, a pipe or a CI
     * log ({@code System.console()} is null), nor on a terminal that says it is dumb ({@code TERM=dumb}).
     */
    public static boolean isTerminal(java.util.Map<String, String> environment) {
        return System.console() != null && !"dumb".equals(environment.get("TERM"));
    }

    /**
     * Measures the wall time printed at the end from {@code start} (e.g. the JVM's start) to the end of the
     * reports, instead of the scenarios' run alone.
     */
    public ConsoleProgress wallTimeFrom(Instant start) {
        this.wallStart = start;
        return this;
    }

    public void scenarioStarted(Suite suite, String name) {
        synchronized (lock) {
            running++;
            if (interactive) {
                drawStatus(false);
            }
        }
    }

    public void scenarioFinished(ScenarioResult result) {
        synchronized (lock) {
            running = Math.max(0, running - 1);
            switch (result.status()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case SKIPPED -> skipped++;
                case FLAKY -> flaky++;
            }
            if (!interactive) {
                out.println(resultLine(result));
            } else if (result.status() == ScenarioStatus.FAILED) {
                clearStatus();
                out.println(resultLine(result));
                drawStatus(true);
            } else {
                drawStatus(false);
            }
            out.flush();
        }
    }

    /** Says that failed scenarios are run again ({@code --rerun-failed}). */
    public void rerunStarted(int attempt, int maxAttempts, int scenarios) {
        synchronized (lock) {
            clearStatus();
            out.printf(Locale.ROOT, "rerunning %d failed %s (attempt %d of at most %d)%n", scenarios,
                    scenarios == 1 ? "scenario" : "scenarios", attempt, maxAttempts);
            out.flush();
        }
    }

    /**
     * One rerun of a failed scenario ended. One that passes now is counted flaky instead of failed, and said so:
     * a rerun must never turn a failure silently green.
     */
    public void rerunFinished(ScenarioResult attemptResult, int attempt) {
        synchronized (lock) {
            running = Math.max(0, running - 1);
            clearStatus();
            String line = resultLine(attemptResult) + " - attempt " + attempt;
            if (attemptResult.status() == ScenarioStatus.PASSED) {
                failed = Math.max(0, failed - 1);
                flaky++;
                line += ": passed after failing, reported FLAKY";
            }
            out.println(line);
            if (interactive) {
                drawStatus(true);
            }
            out.flush();
        }
    }

    /** Ends the progress display and prints the per-suite table, the verdict and the HTML report's path. */
    public void finish(RunReport report, Path htmlReport) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        synchronized (lock) {
            finished = true;
            if (interactive) {
                clearStatus();
            }
            out.println();
            if (report.scenarios().isEmpty() && report.availability().isEmpty() && report.error() != null) {
                // A table of zeros says nothing; why nothing ran does.
                out.println("no scenario ran: " + firstLine(report.error()));
                out.println();
                out.printf(Locale.ROOT, "verdict: %s (exit code %d)%n", report.verdict().name(), report.exitCode());
                out.println("HTML report: " + (htmlReport == null ? "not written" : htmlReport.toString()));
                out.flush();
                return;
            }
            boolean anyFlaky = report.scenarios().stream().anyMatch(s -> s.status() == ScenarioStatus.FLAKY);
            // A suite's time is its scenarios' times added up: with --parallel it exceeds the wall time, printed below.
            out.printf(Locale.ROOT, "%-13s %7s %7s %8s%s %14s%n", "suite", "passed", "failed", "skipped",
                    anyFlaky ? String.format(Locale.ROOT, " %6s", "flaky") : "", "scenario time");
            for (Suite suite : Suite.values()) {
                SuiteTally tally = SuiteTally.of(suite, report);
                if (tally.selected()) {
                    out.printf(Locale.ROOT, "%-13s %7d %7d %8d%s %14s%n", suite.id(), tally.passed(), tally.failed(),
                            tally.skipped(), anyFlaky ? String.format(Locale.ROOT, " %6d", tally.flaky()) : "",
                            duration(tally.duration()));
                }
            }
            if (wallStart != null) {
                out.println("wall time: " + duration(Duration.between(wallStart, clock.instant()))
                        + " (from the JVM's start to the reports written)");
            } else if (report.started() != null && report.finished() != null) {
                out.println("wall time: " + duration(Duration.between(report.started(), report.finished())));
            }
            out.println();
            if (anyFlaky) {
                out.println("FLAKY: these scenarios failed and passed only when rerun (not counted as passed):");
                report.scenarios().stream().filter(s -> s.status() == ScenarioStatus.FLAKY).forEach(s ->
                        out.printf(Locale.ROOT, "  - %s: %s (passed on attempt %d; first failure: %s)%n",
                                s.suite().id(), s.name(), s.attempts(), s.error() == null ? "?" : firstLine(s.error())));
                out.println();
            }
            out.printf(Locale.ROOT, "verdict: %s (exit code %d)%n", report.verdict().name(), report.exitCode());
            if (report.error() != null) {
                out.println("error: " + firstLine(report.error()));
            }
            out.println("HTML report: " + (htmlReport == null ? "not written" : htmlReport.toString()));
            out.flush();
        }
    }

    /** Redraws the status line if it is due; called by the ticker. */
    void refresh() {
        synchronized (lock) {
            if (interactive && !finished) {
                drawStatus(false);
                out.flush();
            }
        }
    }

    private void drawStatus(boolean force) {
        Instant now = clock.instant();
        if (finished || (!force && lastDrawn != null && Duration.between(lastDrawn, now).compareTo(REDRAW_INTERVAL) < 0)) {
            return;
        }
        lastDrawn = now;
        String status = String.format(Locale.ROOT, "[%s] running %d  passed %d  failed %d  skipped %d%s",
                elapsed(now), running, passed, failed, skipped, flaky == 0 ? "" : "  flaky " + flaky);
        // Pad with blanks so that a shorter line fully covers a longer previous one.
        out.print("\r" + status + " ".repeat(Math.max(0, statusWidth - status.length())));
        statusWidth = status.length();
    }

    private void clearStatus() {
        if (statusWidth > 0) {
            out.print("\r" + " ".repeat(statusWidth) + "\r");
            statusWidth = 0;
            lastDrawn = null;
        }
    }

    private String resultLine(ScenarioResult result) {
        String line = String.format(Locale.ROOT, "[%s] %-7s %-12s %s (%s)", elapsed(clock.instant()),
                result.status().name(), result.suite().id(), result.name(), duration(result.duration()));
        return result.status() == ScenarioStatus.FAILED && result.error() != null
                ? line + " - " + firstLine(result.error())
                : line;
    }

    private String elapsed(Instant now) {
        long seconds = Math.max(0, Duration.between(start, now).toSeconds());
        return seconds < 3600
                ? String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static String duration(Duration duration) {
        long millis = duration == null ? 0 : duration.toMillis();
        return millis < 60_000
                ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0)
                : String.format(Locale.ROOT, "%dm %02ds", millis / 60_000, millis / 1000 % 60);
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
    }
}
