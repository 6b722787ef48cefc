package vigil.steps;

import java.util.List;
import java.util.Map;
import vigil.cf.CfClient;
import vigil.cf.DropletCache;
import vigil.cf.PushOperation;
import vigil.cf.Route;
import vigil.cf.Space;

/**
 * The pushability probe's CF side: pushes the test app (1 instance) into a space without the client's retries (a
 * user's push does not retry either, and the probe must see each failure), and deletes it and its routes with
 * them (what a check made must go).
 */
final class TestAppCycle implements PushabilityProbe.AppCycle {
    private final CfClient cf;
    private final PushOperation push;
    private final Space space;
    private final String domain;

    TestAppCycle(CfClient cf, DropletCache droplets, boolean alwaysStage, Space space, String domain) {
        this.cf = cf;
        this.push = new PushOperation(cf.withoutRetries(), droplets, alwaysStage);
        this.space = space;
        this.domain = domain;
    }

    @Override
    public void push(String name) {
        push.push(TestAppBits.request(name, space.guid(), domain, 1, Map.of()));
    }

    @Override
    public void delete(String name) {
        cf.apps().find(name, space.guid()).ifPresent(app -> {
            List<Route> routes = cf.routes().ofApp(app.guid());
            cf.apps().delete(app.guid());
            routes.forEach(route -> cf.routes().delete(route.guid()));
        });
    }
}
