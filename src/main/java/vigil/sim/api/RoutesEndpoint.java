package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code /v3/routes} and their destinations (CC's route mappings), plus {@code GET /v3/apps/:guid/routes}.
 * HTTP routes; TCP routes (a port, no host or path) in a domain with a router group, their port opened on the
 * TCP router as they are made; routes in internal domains (no wildcard, no path).
 */
final class RoutesEndpoint {

    private static final String PATH = "/v3/routes";
    private static final List<String> FILTERS = List.of("hosts", "space_guids", "organization_guids", "domain_guids",
            "paths", "app_guids", "include", "label_selector");
    private static final Pattern HOST = Pattern.compile("\\*|[A-Za-z0-9_-]+");
    /** Gorouter sends HTTP to 8080 in the container unless a destination names another port. */
    static final int DEFAULT_PORT = 8080;

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final RoutePresenter presenter;
    private final JobRunner jobs;
    private final ResourceDeleter deleter;
    private final CcFaults faults;
    private final NetworkRoutes network;

    RoutesEndpoint(ApiUrlBuilder urls, CcRepositories store, JobRunner jobs, ResourceDeleter deleter, CcFaults faults) {
        this(urls, store, jobs, deleter, faults, null);
    }

    /** With the TCP router that opens TCP routes' ports ({@code null}: any port is taken as given). */
    RoutesEndpoint(ApiUrlBuilder urls, CcRepositories store, JobRunner jobs, ResourceDeleter deleter, CcFaults faults,
                   NetworkRoutes network) {
        this.network = network;
        this.faults = faults;
        this.urls = urls;
        this.store = store;
        this.presenter = new RoutePresenter(urls, store);
        this.jobs = jobs;
        this.deleter = deleter;
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, List.of());
        return V3Json.ok(PaginatedList.of(urls, PATH, query, routes(query, store.routes.all())));
    }

    Response listForApp(Request request, SecurityContext security) {
        security.requireReader();
        String appGuid = store.app(request.pathParam("guid").orElseThrow()).guid();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, List.of());
        List<Route> mapped = store.routes.where(route -> route.appGuids().contains(appGuid));
        return V3Json.ok(PaginatedList.of(urls, "/v3/apps/" + appGuid + "/routes", query, routes(query, mapped)));
    }

    private List<ObjectNode> routes(ListQuery query, List<Route> routes) {
        return new Listing<Route>(query)
                .filter("hosts", Route::host)
                .filter("paths", Route::path)
                .filter("space_guids", Route::spaceGuid)
                .filter("organization_guids", route -> store.organizationGuidOfSpace(route.spaceGuid()))
                .filter("domain_guids", Route::domainGuid)
                .filterAny("app_guids", Route::appGuids)
                .apply(routes).stream().map(presenter::present).toList();
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.present(store.route(request.pathParam("guid").orElseThrow())));
    }

    Response create(Request request, SecurityContext security) {
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "host", "path", "port", "relationships", "options", "metadata");
        String host = message.optionalString("host", "Host").orElse("");
        String path = message.optionalString("path", "Path").orElse("");
        if (!host.isEmpty() && !HOST.matcher(host).matches()) {
            message.problem("Host must be either \"*\" or contain only alphanumeric characters, \"_\", or \"-\"");
        }
        if (!path.isEmpty() && !path.startsWith("/")) {
            message.problem("Path must begin with /");
        }
        if (path.contains("?")) {
            message.problem("Path cannot contain ?");
        }
        if (path.equals("/")) {
            message.problem("Path cannot be exactly /");
        }
        Integer port = message.body().hasNonNull("port") ? message.body().get("port").asInt() : null;
        String spaceGuid = message.relationshipGuid("space", "Space");
        String domainGuid = message.relationshipGuid("domain", "Domain");
        Metadata metadata = Metadata.EMPTY.updatedBy(message);
        message.validate();
        Space space = store.spaces.get(spaceGuid).orElseThrow(() ->
                CcError.unprocessable("Invalid space. Ensure that the space exists and you have access to it."));
        Domain domain = store.domains.get(domainGuid).orElseThrow(() ->
                CcError.unprocessable("Invalid domain. Ensure that the domain exists and you have access to it."));
        if (!domain.shared() && !domain.organizationGuid().equals(space.organizationGuid())) {
            String orgName = store.organizations.get(space.organizationGuid()).map(Organization::name).orElse("");
            throw CcError.unprocessable("Invalid domain. Domain '" + domain.name() + "' is not available in organization '"
                    + orgName + "'.");
        }
        if (domain.tcp()) {
            return V3Json.created(presenter.present(createTcp(host, path, port, domain, spaceGuid, metadata)));
        }
        if (port != null) {
            throw CcError.unprocessable("Routes with protocol 'http' do not support ports.");
        }
        if (domain.internal() && host.equals("*")) {
            throw CcError.unprocessable("Wildcard hosts are not supported for internal domains.");
        }
        if (domain.internal() && !path.isEmpty()) {
            throw CcError.unprocessable("Paths are not supported for internal domains.");
        }
        if (domain.shared() && host.isEmpty()) {
            throw CcError.unprocessable("Missing host. Routes in shared domains must have a host defined.");
        }
        Route route = new Route(CcRepositories.newGuid(), host, path, domainGuid, spaceGuid, List.of(), store.now(),
                store.now(), metadata);
        if (!store.routes.addUnless(route, other -> other.domainGuid().equals(domainGuid)
                && other.host().equalsIgnoreCase(host) && other.path().equals(path))) {
            throw CcError.unprocessable(duplicate(host, path, domain.name()));
        }
        return V3Json.created(presenter.present(route));
    }

    /**
     * A route in a TCP domain: the given port, or one the TCP router picks. Ports are unique in the router group
     * (the sim has one), so a port another TCP domain's route holds is not available.
     */
    private Route createTcp(String host, String path, Integer port, Domain domain, String spaceGuid, Metadata metadata) {
        if (!host.isEmpty()) {
            throw CcError.unprocessable("Hosts are not supported for TCP routes.");
        }
        if (!path.isEmpty()) {
            throw CcError.unprocessable("Paths are not supported for TCP routes.");
        }
        if (port != null && (port < RouterGroups.FIRST_PORT || port > RouterGroups.LAST_PORT)) {
            throw CcError.unprocessable("Port '" + port + "' is not available. Try a different port or use a different domain.");
        }
        if (port != null) {
            store.routes.where(other -> port.equals(other.port())).stream().findFirst().ifPresent(other -> {
                throw CcError.unprocessable(other.domainGuid().equals(domain.guid())
                        ? "Route already exists with port '" + port + "' for domain '" + domain.name() + "'."
                        : "Port '" + port + "' is not available. Try a different port or use a different domain.");
            });
        }
        TcpPortReservations router = network == null ? TcpPortReservations.UNCHECKED : network.tcpRouter();
        int opened = router.open(port == null ? 0 : port);
        if (opened < 0) {
            throw CcError.unprocessable("Port '" + port + "' is not available. Try a different port or use a different domain.");
        }
        Route route = new Route(CcRepositories.newGuid(), "", "", domain.guid(), spaceGuid, List.of(), store.now(),
                store.now(), metadata, opened);
        if (!store.routes.addUnless(route, other -> Integer.valueOf(opened).equals(other.port()))) {
            throw CcError.unprocessable("Route already exists with port '" + opened + "' for domain '" + domain.name() + "'.");
        }
        return route;
    }

    /** CC's texts for a route that exists already, which depend on whether host and path are given. */
    private static String duplicate(String host, String path, String domain) {
        if (path.isEmpty()) {
            return host.isEmpty() ? "Route already exists for domain '" + domain + "'."
                    : "Route already exists with host '" + host + "' for domain '" + domain + "'.";
        }
        return host.isEmpty() ? "Route already exists with path '" + path + "' for domain '" + domain + "'."
                : "Route already exists with host '" + host + "' and path '" + path + "' for domain '" + domain + "'.";
    }

    Response update(Request request, SecurityContext security) {
        security.requireWriter();
        String guid = request.pathParam("guid").orElseThrow();
        Route current = store.route(guid);
        RequestMessage message = RequestMessage.of(request, "metadata", "options");
        Metadata metadata = current.metadata().updatedBy(message);
        message.validate();
        Route updated = store.routes.update(guid, route -> route.withMetadata(metadata, store.now()))
                .orElseThrow(() -> CcError.notFound("Route"));
        return V3Json.ok(presenter.present(updated));
    }

    Response delete(Request request, SecurityContext security) {
        security.requireWriter();
        String guid = store.route(request.pathParam("guid").orElseThrow()).guid();
        return V3Json.acceptedJob(jobs.enqueue("route.delete", "route", guid, () -> deleter.deleteRoute(guid)));
    }

    Response destinations(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.presentDestinations(store.route(request.pathParam("guid").orElseThrow())));
    }

    /** POST adds destinations (an existing identical one is kept once); PATCH replaces them all. */
    Response addDestinations(Request request, SecurityContext security) {
        return changeDestinations(request, security, false);
    }

    Response replaceDestinations(Request request, SecurityContext security) {
        return changeDestinations(request, security, true);
    }

    private Response changeDestinations(Request request, SecurityContext security, boolean replace) {
        security.requireWriter();
        Route target = store.route(request.pathParam("guid").orElseThrow());
        String guid = target.guid();
        List<Destination> requested = requestedDestinations(request, target.port() == null ? "http1" : "tcp");
        Route updated = store.routes.update(guid, route -> {
            List<Destination> result = new ArrayList<>(replace ? List.of() : route.destinations());
            for (Destination destination : requested) {
                if (result.stream().noneMatch(destination::sameTarget)) {
                    // A replace keeps the guid of a destination that stays, as CC keeps its route mapping.
                    result.add(route.destinations().stream().filter(destination::sameTarget).findFirst().orElse(destination));
                }
            }
            return route.withDestinations(result, store.now());
        }).orElseThrow(() -> CcError.notFound("Route"));
        return V3Json.ok(presenter.presentDestinations(updated));
    }

    private List<Destination> requestedDestinations(Request request, String defaultProtocol) {
        RequestMessage message = RequestMessage.of(request, "destinations");
        JsonNode array = message.body().get("destinations");
        if (array == null || !array.isArray()) {
            message.problem("Destinations must be an array");
            message.validate();
        }
        List<Destination> destinations = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        for (JsonNode item : array) {
            message.rejectUnknown(item, "app", "weight", "port", "protocol");
            String appGuid = item.path("app").path("guid").asText("");
            if (appGuid.isEmpty()) {
                message.problem("Destinations[" + destinations.size() + "]: must have an \"app\"");
                continue;
            }
            if (!store.apps.contains(appGuid)) {
                missing.add(appGuid);
            }
            String type = item.path("app").path("process").path("type").asText(AppProcess.WEB);
            int port = item.path("port").isInt() ? item.get("port").asInt() : DEFAULT_PORT;
            String protocol = item.path("protocol").asText(defaultProtocol);
            destinations.add(new Destination(CcRepositories.newGuid(), appGuid, type, port, protocol, store.now(), store.now()));
        }
        message.validate();
        if (!missing.isEmpty()) {
            throw CcError.unprocessable("App(s) with guid(s) \"" + String.join("\", \"", missing) + "\" do not exist.");
        }
        return destinations;
    }

    Response deleteDestination(Request request, SecurityContext security) {
        security.requireWriter();
        String guid = store.route(request.pathParam("guid").orElseThrow()).guid();
        String destinationGuid = request.pathParam("destination_guid").orElseThrow();
        store.routes.update(guid, route -> {
            if (route.destinations().stream().noneMatch(d -> d.guid().equals(destinationGuid))) {
                throw CcError.unprocessable("Unable to unmap route from destination. Ensure the route has a destination with this guid.");
            }
            route.destinations().stream().filter(d -> d.guid().equals(destinationGuid))
                    .forEach(removed -> faults.unmapped(route.guid(), removed));
            return route.withDestinations(route.destinations().stream()
                    .filter(d -> !d.guid().equals(destinationGuid)).toList(), store.now());
        });
        return V3Json.noContent();
    }
}
