package vigil.sim;

import java.util.ArrayList;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import vigil.sim.api.CloudController;
import vigil.sim.api.RouteTarget;
import vigil.sim.cells.AppRuntime;
import vigil.sim.cells.InstanceStatus;
import vigil.sim.router.Backend;
import vigil.sim.router.RouteResolver;

/**
 * What the route emitter does in Diego: joins the CC's routes (which apps a route leads to) with the cells'
 * routable instances (where they listen), for the router.
 */
final class RouteBackends implements RouteResolver {
    private final CloudController api;
    private final AppRuntime cells;

    RouteBackends(CloudController api, AppRuntime cells) {
        this.api = api;
        this.cells = cells;
    }

    @Override
    public List<Backend> backends(String host, String path) {
        List<Backend> backends = new ArrayList<>();
        for (RouteTarget target : api.routeTargets(host, path)) {
            for (InstanceStatus instance : cells.instances(target.processGuid())) {
                if (instance.routable()) {
                    backends.add(new Backend(target.appGuid(), instance.index(), instance.instanceGuid(),
                            instance.host(), instance.port()));
                }
            }
        }
        return backends;
    }

    @Override
    public Optional<String> routeServiceUrl(String host, String path) {
        return api.routeServiceUrl(host, path);
    }

    /** An instance behind a route, for the CC to reach a broker pushed as an app. */
    Optional<InetSocketAddress> firstAddress(String host, String path) {
        return backends(host, path).stream().findFirst()
                .map(backend -> InetSocketAddress.createUnresolved(backend.host(), backend.port()));
    }
}
