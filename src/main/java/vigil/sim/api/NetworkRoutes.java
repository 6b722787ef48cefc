package vigil.sim.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the sim's TCP router and container network need from the Cloud Controller (in Diego, what the route
 * emitter and the policy agents learn from it): the ports of TCP routes and the hostnames of internal routes,
 * each with the processes of the started apps they lead to, and whether a policy lets one app connect to
 * another. Read afresh on every connection, so mapping, unmapping and policy changes count at once.
 */
public final class NetworkRoutes {

    /** Apps reach each other on the container port, 8080, as on real CF. */
    public static final int CONTAINER_PORT = RoutesEndpoint.DEFAULT_PORT;

    private final CcRepositories store;
    private final NetworkPolicies policies;
    private final CcFaults faults;
    private volatile TcpPortReservations tcpRouter = TcpPortReservations.UNCHECKED;

    NetworkRoutes(CcRepositories store, NetworkPolicies policies, CcFaults faults) {
        this.store = store;
        this.policies = policies;
        this.faults = faults;
    }

    /** The TCP router that opens a TCP route's port when the route is made. */
    public void tcpRouter(TcpPortReservations router) {
        tcpRouter = router;
    }

    TcpPortReservations tcpRouter() {
        return tcpRouter;
    }

    /** The ports of every route in a TCP domain. */
    public Set<Integer> tcpPorts() {
        Set<Integer> ports = new LinkedHashSet<>();
        store.routes.all().forEach(route -> {
            if (route.port() != null) {
                ports.add(route.port());
            }
        });
        return ports;
    }

    /** Where a connection to the TCP router's {@code port} goes: the started apps mapped to that route. */
    public List<RouteTarget> tcpTargets(int port) {
        return targets(store.routes.where(route -> route.port() != null && route.port() == port));
    }

    private List<Destination> destinations(Route route) {
        List<Destination> destinations = new ArrayList<>(route.destinations());
        destinations.addAll(faults.unmappedButRouted(route.guid()));
        return destinations;
    }

    /** {@code host.domain} of every route in an internal domain, lower case. */
    public Set<String> internalHostnames() {
        Set<String> hostnames = new LinkedHashSet<>();
        for (Route route : store.routes.all()) {
            store.domains.get(route.domainGuid()).filter(Domain::internal)
                    .ifPresent(domain -> hostnames.add(hostname(route, domain)));
        }
        return hostnames;
    }

    /** The started apps an internal hostname leads to. */
    public List<RouteTarget> internalTargets(String hostname) {
        String wanted = hostname.toLowerCase(Locale.ROOT);
        return targets(store.routes.where(route -> store.domains.get(route.domainGuid())
                .filter(domain -> domain.internal() && hostname(route, domain).equals(wanted)).isPresent()));
    }

    /** Whether a policy lets {@code source} open TCP connections to {@code destination}'s {@code port}. */
    public boolean allows(String sourceApp, String destinationApp, int port) {
        return faults.networkPoliciesNotEnforced() || policies.allows(sourceApp, destinationApp, "tcp", port);
    }

    public boolean appExists(String appGuid) {
        return store.apps.contains(appGuid);
    }

    private static String hostname(Route route, Domain domain) {
        return (route.host().isEmpty() ? domain.name() : route.host() + "." + domain.name()).toLowerCase(Locale.ROOT);
    }

    private List<RouteTarget> targets(List<Route> routes) {
        List<RouteTarget> targets = new ArrayList<>();
        for (Route route : routes) {
            for (Destination destination : destinations(route)) {
                store.apps.get(destination.appGuid())
                        .filter(App::started)
                        .flatMap(app -> store.processOf(app.guid(), destination.processType()))
                        .ifPresent(process -> targets.add(new RouteTarget(destination.appGuid(), process.guid(),
                                destination.port())));
            }
        }
        return targets;
    }

    // Syslog drains through TCP routes: which host names the TCP router answers for.
    /** Whether {@code host} names a TCP domain (router group default-tcp): in real CF its DNS leads to the TCP router. */
    public boolean isTcpDomain(String host) {
        return !store.domains.where(domain -> domain.tcp() && domain.name().equalsIgnoreCase(host)).isEmpty();
    }
}
