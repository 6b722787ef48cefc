package vigil.steps;

import vigil.cf.AccessToken;
import vigil.cf.CfApiException;
import vigil.cf.CfClient;
import vigil.config.VigilConfig;

/** State of one scenario, shared between its step classes (picocontainer makes one per scenario). */
public final class ScenarioContext {
    private final RunScope run = RunScope.current();
    private AccessToken token;
    private CfApiException refusal;

    CfClient cf() {
        return run.cf();
    }

    VigilConfig config() {
        return run.config();
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
}
