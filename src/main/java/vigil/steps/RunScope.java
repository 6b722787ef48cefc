package vigil.steps;

import vigil.cf.AppRoutes;
import vigil.cf.CfClient;
import vigil.cf.RunWorkspace;
import vigil.config.VigilConfig;

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

    private RunScope(VigilConfig config, String runId, RunWorkspace workspace, AppRoutes routes) {
        this.config = config;
        this.runId = runId;
        this.workspace = workspace;
        this.routes = routes;
    }

    /** Makes a run's target available to the scenarios about to start. */
    public static void open(VigilConfig config, String runId, RunWorkspace workspace, AppRoutes routes) {
        current = new RunScope(config, runId, workspace, routes);
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
