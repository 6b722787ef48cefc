package vigil.steps;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import vigil.cf.PushedApp;
import vigil.cf.ScenarioWorkspace;
import vigil.cf.Services;
import vigil.config.Secret;

/**
 * The test app pushed as Vigil's service broker (role {@code broker}, see the test app's TestBroker) and
 * registered space-scoped in the scenario's space, so that a space developer can do it on any CF. The broker is
 * removed at the scenario's end, after what was made from it (the workspace removes newest first).
 *
 * @param catalogId the prefix of its catalog ids and offering names, unique per broker
 */
record TestServiceBroker(PushedApp app, String name, String guid, String catalogId, String username, Secret password,
                         String url) {

    static final String USERNAME = "vigil-broker";

    /** Pushes and registers a broker; {@code routeServiceUrl} (or null) is what its route bindings answer. */
    static TestServiceBroker pushAndRegister(ScenarioContext context, String routeServiceUrl) {
        String name = context.run().workspace().names().next("broker");
        Secret password = new Secret(randomSecret());
        Map<String, String> environment = new java.util.HashMap<>(Map.of("VIGIL_TESTAPP_ROLE", "broker",
                "VIGIL_BROKER_USERNAME", USERNAME, "VIGIL_BROKER_PASSWORD", password.value(), "VIGIL_BROKER_ID", name));
        if (routeServiceUrl != null) {
            environment.put("VIGIL_BROKER_ROUTE_SERVICE_URL", routeServiceUrl);
        }
        PushedApp app = TestAppRoles.push(context, name, environment);
        String url = (context.config().useHttp() ? "http://" : "https://") + context.requests().host(app);
        ScenarioWorkspace workspace = context.workspace();
        Services services = context.cf().services();
        Services.Pending registered = services.registerBroker(name, url, USERNAME, password, workspace.space().guid());
        workspace.removeAtEnd("service broker " + name, () -> services.deleteBroker(registered.guid()));
        services.await(registered);
        return new TestServiceBroker(app, name, registered.guid(), name, USERNAME, password, url);
    }

    /** The {@code Authorization} header the broker expects, for asking it what it holds. */
    Map<String, String> basicAuth() {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + password.value())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "X-Broker-API-Version", "2.15");
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
