package vigil.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vigil.cf.AccessToken;
import vigil.cf.CfApiException;
import vigil.cf.CfClient;
import vigil.cf.PushedApp;
import vigil.cf.ScenarioWorkspace;
import vigil.config.VigilConfig;

/** State of one scenario, shared between its step classes (picocontainer makes one per scenario). */
public final class ScenarioContext {
    private final RunScope run = RunScope.current();
    private final List<PushedApp> apps = new ArrayList<>();
    private final Map<String, PushedApp> appsByAlias = new LinkedHashMap<>();
    private ScenarioWorkspace workspace;
    private AccessToken token;
    private CfApiException refusal;
    private Scenario scenario;

    /** Kept for attachments: Cucumber hands it to hooks only. */
    @Before(order = 0)
    public void keepScenario(Scenario scenario) {
        this.scenario = scenario;
    }

    /**
     * Attaches a file to the scenario's reports (Cucumber's, and Allure's through its Cucumber plugin), e.g. a
     * timeline as {@code image/svg+xml}. Outside a scenario (no hook ran) it does nothing.
     */
    void attach(byte[] content, String mediaType, String name) {
        if (scenario != null) {
            scenario.attach(content, mediaType, name);
        }
    }

    // Syslog drains through TCP routes: a line of the scenario's text output (Cucumber's and Allure's reports).
    /** Writes a line to the scenario's output, e.g. which address a step used. Outside a scenario it does nothing. */
    void log(String text) {
        if (scenario != null) {
            scenario.log(text);
        }
    }

    CfClient cf() {
        return run.cf();
    }

    VigilConfig config() {
        return run.config();
    }

    AppRequests requests() {
        return new AppRequests(run.routes(), run.config());
    }

    RunScope run() {
        return run;
    }

    /** The scenario's own part of the CF, made on first use and removed after the scenario. */
    synchronized ScenarioWorkspace workspace() {
        if (workspace == null) {
            workspace = new ScenarioWorkspace(run.workspace(), run.config().existingSpace());
        }
        return workspace;
    }

    void pushed(PushedApp app) {
        apps.add(app);
    }

    /** An app the scenario calls by a name of its own, e.g. "frontend". */
    void pushed(String alias, PushedApp app) {
        apps.add(app);
        appsByAlias.put(alias, app);
    }

    PushedApp app(String alias) {
        PushedApp app = appsByAlias.get(alias);
        if (app == null) {
            throw new IllegalStateException("no app \"" + alias + "\" pushed in this scenario; pushed: "
                    + appsByAlias.keySet());
        }
        return app;
    }

    /** The app pushed last in this scenario. */
    PushedApp app() {
        if (apps.isEmpty()) {
            throw new IllegalStateException("no app pushed yet: a step like 'the test app is pushed' must come first");
        }
        return apps.get(apps.size() - 1);
    }

    List<PushedApp> apps() {
        return List.copyOf(apps);
    }

    AccessToken token() {
        if (token == null) {
            throw new IllegalStateException("no token yet: a step like 'the admin logs in' must come first");
        }
        return token;
    }

    void token(AccessToken token) {
        this.token = token;
    }

    CfApiException refusal() {
        if (refusal == null) {
            throw new IllegalStateException("no refused request yet: a step sending one must come first");
        }
        return refusal;
    }

    void refusal(CfApiException refusal) {
        this.refusal = refusal;
    }

    /** Whatever happened, the scenario's space (or what it made in an existing one) goes. */
    @After(order = 0)
    public void removeWhatTheScenarioCreated() {
        if (workspace != null) {
            workspace.close();
        }
    }

    /** A failed scenario tells the operator which app, in which state, saying what (runs before the cleanup). */
    @After(order = 100)
    public void describeAppsOfFailedScenario(Scenario scenario) {
        if (scenario.isFailed()) {
            apps.forEach(app -> scenario.log(AppDiagnosis.of(cf(), app)));
        }
    }
}
