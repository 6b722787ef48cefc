package vigil.steps;

import java.util.Map;
import vigil.cf.PushRequest;
import vigil.cf.PushedApp;

/** Pushes the test app in a role of its own ({@code VIGIL_TESTAPP_ROLE}: broker, route service) into the scenario's space. */
final class TestAppRoles {
    private TestAppRoles() {
    }

    static PushedApp push(ScenarioContext context, String name, Map<String, String> environment) {
        PushRequest request = TestAppBits.request(name, null, context.config().appsDomain(), 1, environment);
        return context.workspace().push(request, context.config().freshStaging());
    }
}
