package vigil.steps;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vigil.cf.AppRoutes;
import vigil.cf.CfClient;
import vigil.cf.RunWorkspace;
import vigil.config.VigilConfig;
import vigil.report.AvailabilityResult;
import vigil.report.DuringResult;

/**
 * What every scenario of one run shares: the configuration, the run id, the logged-in client, the run's
 * workspace in the CF and the way to reach app routes. Cucumber creates step classes itself, so the
 * launcher hands the run over through here before it starts the scenarios and takes it back after.
 */
public final class RunScope {
    private static volatile RunScope current;

    private final VigilConfig config;
    private final String runId;
    private final RunWorkspace workspace;
    private final AppRoutes routes;
    private final Path reportsDir;
    private final String duringCommand;
    private final Duration duration;
    private final Path readyFile;
    private final List<AvailabilityResult> availability = new CopyOnWriteArrayList<>();
    private final List<DuringResult> during = new CopyOnWriteArrayList<>();

    private RunScope(VigilConfig config, String runId, RunWorkspace workspace, AppRoutes routes, Path reportsDir,
                     String duringCommand, Duration duration, Path readyFile) {
        this.duration = duration;
        this.readyFile = readyFile;
        this.config = config;
        this.runId = runId;
        this.workspace = workspace;
        this.routes = routes;
        this.reportsDir = reportsDir;
        this.duringCommand = duringCommand;
    }

    /**
     * Makes a run's target available to the scenarios about to start.
     *
     * @param duringCommand the deploy (or fault script) the availability scenarios measure, or {@code null}
     * @param duration      measure this long instead of a deploy, or {@code null}
     * @param readyFile     written once the availability probes are live, or {@code null}
     */
    public static RunScope open(VigilConfig config, String runId, RunWorkspace workspace, AppRoutes routes,
                                Path reportsDir, String duringCommand, Duration duration, Path readyFile) {
        current = new RunScope(config, runId, workspace, routes, reportsDir, duringCommand, duration, readyFile);
        return current;
    }

    /** What the availability scenarios measured, for summary.json. */
    public List<AvailabilityResult> availability() {
        return List.copyOf(availability);
    }

    /** The {@code --during} command's run, or {@code null} when none ran. */
    public DuringResult during() {
        return during.isEmpty() ? null : during.get(0);
    }

    void record(List<AvailabilityResult> results) {
        availability.addAll(results);
    }

    void record(DuringResult result) {
        during.add(result);
    }

    Path reportsDir() {
        return reportsDir;
    }

    String duringCommand() {
        return duringCommand;
    }

    Duration duration() {
        return duration;
    }

    Path readyFile() {
        return readyFile;
    }

    public static void close() {
        current = null;
    }

    static RunScope current() {
        RunScope scope = current;
        if (scope == null) {
            throw new IllegalStateException("Vigil's steps run inside 'vigil run', which connects to the CF first;"
                    + " they were started without it");
        }
        return scope;
    }

    VigilConfig config() {
        return config;
    }

    String runId() {
        return runId;
    }

    CfClient cf() {
        return workspace.cf();
    }

    RunWorkspace workspace() {
        return workspace;
    }

    AppRoutes routes() {
        return routes;
    }
}
