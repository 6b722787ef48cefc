package vigil.steps;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import vigil.cf.AppResponse;
import vigil.cf.AppRoutes;
import vigil.cf.PushedApp;
import vigil.config.VigilConfig;

/** Requests to pushed apps through their routes, and which instances answer them. */
final class AppRequests {
    /** The test app names the instance that answered in this header. */
    static final String INSTANCE_HEADER = "X-Vigil-Instance";

    private final AppRoutes routes;
    private final VigilConfig config;

    AppRequests(AppRoutes routes, VigilConfig config) {
        this.routes = routes;
        this.config = config;
    }

    /** The full host of an app's route, e.g. {@code vigil-ab12cd-app-3.apps.example.com}. */
    String host(PushedApp app) {
        return app.route().host() + "." + config.appsDomain();
    }

    AppResponse get(PushedApp app, String path) {
        return get(host(app), path, Map.of());
    }

    AppResponse get(String host, String path, Map<String, String> headers) {
        return routes.get(host, path, headers);
    }

    /** The instance ids that answered {@code requests} GETs of {@code /} on the host (failures count as none). */
    Set<String> answeringInstances(String host, String path, int requests) {
        Set<String> instances = new LinkedHashSet<>();
        for (int i = 0; i < requests; i++) {
            AppResponse response = get(host, path, Map.of());
            if (response.status() == 200 && response.header(INSTANCE_HEADER) != null) {
                instances.add(response.header(INSTANCE_HEADER));
            }
        }
        return instances;
    }
}
