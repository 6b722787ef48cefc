package vigil.sim.api;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import vigil.sim.cells.AppRuntime;
import vigil.sim.http.LoopbackServer;
import vigil.sim.http.RouteTable;
import vigil.sim.http.Transport;

/**
 * The embedded Cloud Controller on its own loopback port. The route table below is its whole API;
 * {@link #routeTargets} and {@link #counts} are for the router and {@code vigil sim status}.
 */
public final class CloudController implements AutoCloseable {

    /** The internal domain every CF with container networking has, for app-to-app routes. */
    public static final String INTERNAL_DOMAIN = "apps.internal";

    private final LoopbackServer server;
    private final CcRepositories store;
    private final ExecutorService background;
    private final Path createdWorkDir;

    private final AccessTokenVerifier verifier;
    private final CloudControllerHandler handler;
    private final AccessControl access;
    private final CcFaults faults;
    private final SshSettings ssh;
    private final NetworkRoutes network;

    private CloudController(LoopbackServer server, CcRepositories store, ExecutorService background, Path createdWorkDir,
                            AccessTokenVerifier verifier, CloudControllerHandler handler, AccessControl access,
                            CcFaults faults, SshSettings ssh, NetworkRoutes network) {
        this.network = network;
        this.faults = faults;
        this.ssh = ssh;
        this.verifier = verifier;
        this.handler = handler;
        this.access = access;
        this.server = server;
        this.store = store;
        this.background = background;
        this.createdWorkDir = createdWorkDir;
    }

    /**
     * @param uaaUrl     where clients log in (linked from {@code /} and {@code /v2/info})
     * @param uaaIssuer  the {@code iss} every accepted token must carry
     * @param uaaKey     the UAA's token verification key
     * @param clock      the time token expiry and resource timestamps are judged at
     * @param runtime    the cells that run started apps' processes and keep their logs
     * @param appsDomain the shared domain routes are created in, e.g. {@code apps.vigil.test}
     * @param workDir    where packages and droplets are stored; null creates a temporary one, deleted on close
     * @param logCacheUrl the log-cache linked from {@code /}, or null when there is none
     * @param adminRoutes the embedded CF's own administration endpoints, for admin callers only
     */
    public static CloudController start(int port, URI uaaUrl, String uaaIssuer, RSAPublicKey uaaKey, Clock clock,
                                        AppRuntime runtime, String appsDomain, Path workDir, URI logCacheUrl,
                                        List<AdminRoute> adminRoutes) throws IOException {
        return start(port, uaaUrl, uaaIssuer, uaaKey, clock, runtime, appsDomain, workDir, logCacheUrl, adminRoutes,
                new CcFaults());
    }

    /**
     * As above, with faults that tests switch on through the given object (see {@link CcFaults}).
     */
    public static CloudController start(int port, URI uaaUrl, String uaaIssuer, RSAPublicKey uaaKey, Clock clock,
                                        AppRuntime runtime, String appsDomain, Path workDir, URI logCacheUrl,
                                        List<AdminRoute> adminRoutes, CcFaults faults) throws IOException {
        return start(port, uaaUrl, uaaIssuer, () -> uaaKey, clock, runtime, appsDomain, workDir, logCacheUrl,
                adminRoutes, faults, Transport.PLAIN);
    }

    /**
     * As above, serving HTTPS when the transport says so; the CC then trusts the same certificate when it
     * asks the UAA. The UAA's key is looked up when the first token is checked.
     */
    public static CloudController start(int port, URI uaaUrl, String uaaIssuer, Supplier<RSAPublicKey> uaaKey,
                                        Clock clock, AppRuntime runtime, String appsDomain, Path workDir,
                                        URI logCacheUrl, List<AdminRoute> adminRoutes, CcFaults faults,
                                        Transport transport)
            throws IOException {
        return start(port, uaaUrl, uaaIssuer, uaaKey, clock, runtime, appsDomain, workDir, logCacheUrl, null,
                adminRoutes, faults, transport);
    }

    /** As above, linking {@code GET /} to a log stream (RLP gateway) too, when {@code logStreamUrl} is not null. */
    public static CloudController start(int port, URI uaaUrl, String uaaIssuer, Supplier<RSAPublicKey> uaaKey,
                                        Clock clock, AppRuntime runtime, String appsDomain, Path workDir,
                                        URI logCacheUrl, URI logStreamUrl, List<AdminRoute> adminRoutes,
                                        CcFaults faults, Transport transport)
            throws IOException {
        Path createdWorkDir = workDir == null ? Files.createTempDirectory("vigil-sim-cc-") : null;
        Path dir = workDir == null ? createdWorkDir : Files.createDirectories(workDir);
        LoopbackServer server = LoopbackServer.bind(port, "api", transport);
        ApiUrlBuilder urls = new ApiUrlBuilder(server.uri());
        CcRepositories store = new CcRepositories(clock);
        store.domains.add(new Domain(CcRepositories.newGuid(), appsDomain.toLowerCase(Locale.ROOT), false, null,
                store.now(), store.now(), Metadata.EMPTY));
        // Container networking: CF has the internal domain from the start (cf-networking's service discovery).
        store.domains.add(new Domain(CcRepositories.newGuid(), INTERNAL_DOMAIN, true, null, store.now(), store.now(),
                Metadata.EMPTY));
        ExecutorService background = Executors.newCachedThreadPool(workers());

        AppEnvironment environment = new AppEnvironment(store, urls, faults);
        DesiredProcesses running = new DesiredProcesses(store, runtime, environment, faults);
        ResourceDeleter deleter = new ResourceDeleter(store, running);
        JobRunner jobs = new JobRunner(store, background, urls);
        Stager stager = new Stager(store, runtime, background, dir, faults);

        SshSettings ssh = new SshSettings();
        RootEndpoint root = new RootEndpoint(urls, uaaUrl, logCacheUrl, ssh, logStreamUrl);
        InfoEndpoint info = new InfoEndpoint(urls, uaaUrl, faults, ssh);
        OrganizationsEndpoint organizations = new OrganizationsEndpoint(urls, store, jobs, deleter);
        SpacesEndpoint spaces = new SpacesEndpoint(urls, store, jobs, deleter);
        RouterGroups routerGroups = new RouterGroups();
        NetworkPolicies policies = new NetworkPolicies();
        NetworkRoutes network = new NetworkRoutes(store, policies, faults);
        DomainsEndpoint domains = new DomainsEndpoint(urls, store, routerGroups, jobs, deleter);
        RoutesEndpoint routes = new RoutesEndpoint(urls, store, jobs, deleter, faults, network);
        AppsEndpoint apps = new AppsEndpoint(urls, store, environment, jobs, deleter, running);
        PackagesEndpoint packages = new PackagesEndpoint(urls, store, background, dir, jobs, deleter);
        BuildsEndpoint builds = new BuildsEndpoint(urls, store, stager);
        DropletsEndpoint droplets = new DropletsEndpoint(urls, store, stager, jobs, deleter);
        ProcessesEndpoint processes = new ProcessesEndpoint(urls, store, running, runtime);
        JobsEndpoint jobsEndpoint = new JobsEndpoint(urls, store);
        ResourceMatchesEndpoint resourceMatches = new ResourceMatchesEndpoint();

        RouteTable<CcEndpoint> table = new RouteTable<CcEndpoint>()
                .add("GET", "/", root::globalRoot)
                .add("GET", "/v2/info", info::v2Info)
                .add("GET", "/v3", root::v3Root)
                .add("GET", "/v3/info", info::v3Info)

                .add("GET", "/v3/organizations", organizations::list)
                .add("POST", "/v3/organizations", organizations::create)
                .add("GET", "/v3/organizations/{guid}", organizations::get)
                .add("PATCH", "/v3/organizations/{guid}", organizations::update)
                .add("DELETE", "/v3/organizations/{guid}", organizations::delete)

                .add("GET", "/v3/spaces", spaces::list)
                .add("POST", "/v3/spaces", spaces::create)
                .add("GET", "/v3/spaces/{guid}", spaces::get)
                .add("PATCH", "/v3/spaces/{guid}", spaces::update)
                .add("DELETE", "/v3/spaces/{guid}", spaces::delete)

                .add("GET", "/v3/domains", domains::list)
                .add("POST", "/v3/domains", domains::create)
                .add("GET", "/v3/domains/{guid}", domains::get)

                .add("GET", "/v3/routes", routes::list)
                .add("POST", "/v3/routes", routes::create)
                .add("GET", "/v3/routes/{guid}", routes::get)
                .add("PATCH", "/v3/routes/{guid}", routes::update)
                .add("DELETE", "/v3/routes/{guid}", routes::delete)
                .add("GET", "/v3/routes/{guid}/destinations", routes::destinations)
                .add("POST", "/v3/routes/{guid}/destinations", routes::addDestinations)
                .add("PATCH", "/v3/routes/{guid}/destinations", routes::replaceDestinations)
                .add("DELETE", "/v3/routes/{guid}/destinations/{destination_guid}", routes::deleteDestination)

                .add("GET", "/v3/apps", apps::list)
                .add("POST", "/v3/apps", apps::create)
                .add("GET", "/v3/apps/{guid}", apps::get)
                .add("PATCH", "/v3/apps/{guid}", apps::update)
                .add("DELETE", "/v3/apps/{guid}", apps::delete)
                .add("POST", "/v3/apps/{guid}/actions/start", apps::start)
                .add("POST", "/v3/apps/{guid}/actions/stop", apps::stop)
                .add("POST", "/v3/apps/{guid}/actions/restart", apps::restart)
                .add("GET", "/v3/apps/{guid}/env", apps::env)
                .add("GET", "/v3/apps/{guid}/environment_variables", apps::environmentVariables)
                .add("PATCH", "/v3/apps/{guid}/environment_variables", apps::updateEnvironmentVariables)
                .add("GET", "/v3/apps/{guid}/relationships/current_droplet", apps::currentDropletRelationship)
                .add("PATCH", "/v3/apps/{guid}/relationships/current_droplet", apps::assignCurrentDroplet)
                .add("GET", "/v3/apps/{guid}/droplets/current", apps::currentDroplet)
                .add("GET", "/v3/apps/{guid}/droplets", droplets::listForApp)
                .add("GET", "/v3/apps/{guid}/packages", packages::listForApp)
                .add("GET", "/v3/apps/{guid}/builds", builds::listForApp)
                .add("GET", "/v3/apps/{guid}/routes", routes::listForApp)
                .add("GET", "/v3/apps/{guid}/processes", processes::listForApp)
                .add("GET", "/v3/apps/{guid}/processes/{type}", processes::get)
                .add("PATCH", "/v3/apps/{guid}/processes/{type}", processes::update)
                .add("GET", "/v3/apps/{guid}/processes/{type}/stats", processes::stats)
                .add("POST", "/v3/apps/{guid}/processes/{type}/actions/scale", processes::scale)

                .add("GET", "/v3/packages", packages::list)
                .add("POST", "/v3/packages", packages::create)
                .add("GET", "/v3/packages/{guid}", packages::get)
                .add("POST", "/v3/packages/{guid}/upload", packages::upload)
                .add("DELETE", "/v3/packages/{guid}", packages::delete)
                .add("POST", "/v3/resource_matches", resourceMatches::create)

                .add("GET", "/v3/builds", builds::list)
                .add("POST", "/v3/builds", builds::create)
                .add("GET", "/v3/builds/{guid}", builds::get)

                .add("GET", "/v3/droplets", droplets::list)
                .add("POST", "/v3/droplets", droplets::create)
                .add("GET", "/v3/droplets/{guid}", droplets::get)
                .add("DELETE", "/v3/droplets/{guid}", droplets::delete)

                .add("GET", "/v3/processes", processes::list)
                .add("GET", "/v3/processes/{guid}", processes::get)
                .add("PATCH", "/v3/processes/{guid}", processes::update)
                .add("GET", "/v3/processes/{guid}/stats", processes::stats)
                .add("POST", "/v3/processes/{guid}/actions/scale", processes::scale)

                .add("GET", "/v3/jobs/{guid}", jobsEndpoint::get);

        // tasks and deployments
        TaskRunner taskRunner = new TaskRunner(store, runtime, environment, faults);
        TasksEndpoint tasks = new TasksEndpoint(urls, store, taskRunner);
        Deployer deployer = new Deployer(store, running, faults);
        DeploymentsEndpoint deployments = new DeploymentsEndpoint(urls, store, deployer);
        deleter.alsoForApp(taskRunner::deleteFor);
        deleter.alsoForApp(deployer::deleteFor);
        new DeploymentUpdater(store, runtime).start(background);
        table.add("POST", "/v3/apps/{guid}/tasks", tasks::create)
                .add("GET", "/v3/apps/{guid}/tasks", tasks::listForApp)
                .add("GET", "/v3/tasks", tasks::list)
                .add("GET", "/v3/tasks/{guid}", tasks::get)
                .add("PATCH", "/v3/tasks/{guid}", tasks::update)
                .add("POST", "/v3/tasks/{guid}/actions/cancel", tasks::cancel)
                .add("GET", "/v3/deployments", deployments::list)
                .add("POST", "/v3/deployments", deployments::create)
                .add("GET", "/v3/deployments/{guid}", deployments::get)
                .add("PATCH", "/v3/deployments/{guid}", deployments::update)
                .add("POST", "/v3/deployments/{guid}/actions/cancel", deployments::cancel)
                .add("POST", "/v3/deployments/{guid}/actions/continue", deployments::continueDeployment);

        // app platform features: sidecars and revisions (multi-process apps, canary and readiness live in the
        // processes and deployments endpoints)
        SidecarsEndpoint sidecars = new SidecarsEndpoint(urls, store);
        RevisionsEndpoint revisions = new RevisionsEndpoint(urls, store, running.revisions());
        deleter.alsoForApp(sidecars::deleteFor);
        deleter.alsoForApp(revisions::deleteFor);
        table.add("POST", "/v3/apps/{guid}/sidecars", sidecars::create)
             .add("GET", "/v3/apps/{guid}/sidecars", sidecars::listForApp)
             .add("GET", "/v3/processes/{guid}/sidecars", sidecars::listForProcess)
             .add("GET", "/v3/sidecars/{guid}", sidecars::get)
             .add("PATCH", "/v3/sidecars/{guid}", sidecars::update)
             .add("DELETE", "/v3/sidecars/{guid}", sidecars::delete)
             .add("GET", "/v3/apps/{guid}/revisions", revisions::listForApp)
             .add("GET", "/v3/apps/{guid}/revisions/deployed", revisions::deployedForApp)
             .add("GET", "/v3/revisions/{guid}", revisions::get)
             .add("PATCH", "/v3/revisions/{guid}", revisions::update)
             .add("GET", "/v3/revisions/{guid}/environment_variables", revisions::environmentVariables)
             .add("GET", "/v3/apps/{guid}/features/revisions", revisions::appFeature);

        // users and roles
        UsersEndpoint users = new UsersEndpoint(urls, store, jobs, new UaaUserLookup(uaaUrl, transport));
        RolesEndpoint roles = new RolesEndpoint(urls, store, jobs, users);
        table.add("GET", "/v3/users", users::list)
             .add("POST", "/v3/users", users::create)
             .add("GET", "/v3/users/{guid}", users::get)
             .add("DELETE", "/v3/users/{guid}", users::delete)
             .add("GET", "/v3/roles", roles::list)
             .add("POST", "/v3/roles", roles::create)
             .add("GET", "/v3/roles/{guid}", roles::get)
             .add("DELETE", "/v3/roles/{guid}", roles::delete);

        // service instances and bindings; brokers, offerings, plans, route bindings, sharing (issue 11)
        AppRouteAddresses appRoutes = new AppRouteAddresses();
        BrokerOperations brokerOperations = new BrokerOperations(store, new BrokerClient(appRoutes), faults);
        deleter.alsoForSpace(brokerOperations::removeFromSpace);
        deleter.alsoForApp(brokerOperations::unbindApp);
        ServiceInstancesEndpoint serviceInstances = new ServiceInstancesEndpoint(urls, store, jobs, brokerOperations, faults);
        ServiceCredentialBindingsEndpoint bindings = new ServiceCredentialBindingsEndpoint(urls, store, jobs, brokerOperations);
        ServiceRouteBindingsEndpoint routeBindings = new ServiceRouteBindingsEndpoint(urls, store, jobs, brokerOperations);
        ServiceBrokersEndpoint brokers = new ServiceBrokersEndpoint(urls, store, jobs, new BrokerClient(appRoutes), faults);
        ServiceOfferingsEndpoint offerings = new ServiceOfferingsEndpoint(urls, store);
        table.add("GET", "/v3/service_instances", serviceInstances::list)
             .add("POST", "/v3/service_instances", serviceInstances::create)
             .add("GET", "/v3/service_instances/{guid}", serviceInstances::get)
             .add("PATCH", "/v3/service_instances/{guid}", serviceInstances::update)
             .add("DELETE", "/v3/service_instances/{guid}", serviceInstances::delete)
             .add("GET", "/v3/service_instances/{guid}/credentials", serviceInstances::credentials)
             .add("GET", "/v3/service_instances/{guid}/relationships/shared_spaces", serviceInstances::sharedSpaces)
             .add("POST", "/v3/service_instances/{guid}/relationships/shared_spaces", serviceInstances::share)
             .add("DELETE", "/v3/service_instances/{guid}/relationships/shared_spaces/{space_guid}", serviceInstances::unshare)
             .add("GET", "/v3/service_credential_bindings", bindings::list)
             .add("POST", "/v3/service_credential_bindings", bindings::create)
             .add("GET", "/v3/service_credential_bindings/{guid}", bindings::get)
             .add("PATCH", "/v3/service_credential_bindings/{guid}", bindings::update)
             .add("DELETE", "/v3/service_credential_bindings/{guid}", bindings::delete)
             .add("GET", "/v3/service_credential_bindings/{guid}/details", bindings::details)
             .add("GET", "/v3/service_route_bindings", routeBindings::list)
             .add("POST", "/v3/service_route_bindings", routeBindings::create)
             .add("GET", "/v3/service_route_bindings/{guid}", routeBindings::get)
             .add("DELETE", "/v3/service_route_bindings/{guid}", routeBindings::delete)
             .add("GET", "/v3/service_brokers", brokers::list)
             .add("POST", "/v3/service_brokers", brokers::create)
             .add("GET", "/v3/service_brokers/{guid}", brokers::get)
             .add("PATCH", "/v3/service_brokers/{guid}", brokers::update)
             .add("DELETE", "/v3/service_brokers/{guid}", brokers::delete)
             .add("GET", "/v3/service_offerings", offerings::listOfferings)
             .add("GET", "/v3/service_offerings/{guid}", offerings::getOffering)
             .add("GET", "/v3/service_plans", offerings::listPlans)
             .add("GET", "/v3/service_plans/{guid}", offerings::getPlan)
             .add("GET", "/v3/service_plans/{guid}/visibility", offerings::visibility);

        // manifests
        ManifestsEndpoint manifests = new ManifestsEndpoint(store, jobs, running, faults);
        table.add("POST", "/v3/spaces/{guid}/actions/apply_manifest", manifests::apply)
             .add("GET", "/v3/apps/{guid}/manifest", manifests::get);

        // TCP routing and container networking (issue 13): the routing API's router groups and the policy
        // server, on the API's host as real CF serves them; a domain can be deleted (a run's TCP domain)
        NetworkPoliciesEndpoint networkPolicies = new NetworkPoliciesEndpoint(store, policies);
        deleter.alsoForApp(policies::deleteFor);
        table.add("DELETE", "/v3/domains/{guid}", domains::delete)
             .add("GET", RouterGroups.PATH, routerGroups::list)
             .add("GET", NetworkPoliciesEndpoint.PATH, networkPolicies::list)
             .add("POST", NetworkPoliciesEndpoint.PATH, networkPolicies::create)
             .add("POST", NetworkPoliciesEndpoint.PATH + "/delete", networkPolicies::delete);

        for (AdminRoute admin : adminRoutes) {
            table.add(admin.method(), admin.path(), (request, security) -> {
                if (!security.requireCaller().isAdmin()) {
                    throw CcError.NOT_AUTHORIZED.raise();
                }
                return admin.handler().apply(request);
            });
        }
        AccessTokenVerifier verifier = new AccessTokenVerifier(uaaKey, uaaIssuer, clock);
        AccessControl access = new AccessControl(store, new ResourceScopes(store, path -> representation(table, path)), urls);

        // cf ssh: the app and space ssh features, and the SSH proxy's access check
        SshEndpoints sshEndpoints = new SshEndpoints(store, ssh, faults, access::skipped);
        deleter.alsoForApp(ssh::forgetApp);
        table.add("GET", "/v3/apps/{guid}/features/ssh", sshEndpoints::appFeature)
             .add("PATCH", "/v3/apps/{guid}/features/ssh", sshEndpoints::updateAppFeature)
             .add("GET", "/v3/apps/{guid}/ssh_enabled", sshEndpoints::sshEnabled)
             .add("GET", "/v3/spaces/{guid}/features", sshEndpoints::spaceFeatures)
             .add("GET", "/v3/spaces/{guid}/features/{name}", sshEndpoints::spaceFeature)
             .add("PATCH", "/v3/spaces/{guid}/features/{name}", sshEndpoints::updateSpaceFeature)
             .add("GET", "/internal/apps/{guid}/ssh_access/{index}", sshEndpoints::sshAccess);
        // service instance sharing: bound apps per shared space
        table.add("GET", "/v3/service_instances/{guid}/relationships/shared_spaces/usage_summary",
                new SharedSpacesUsageEndpoint(urls, store)::summary);
        CloudControllerHandler handler = new CloudControllerHandler(table, verifier, access);
        server.serve(handler);
        CloudController controller = new CloudController(server, store, background, createdWorkDir, verifier, handler,
                access, faults, ssh, network);
        controller.appRoutes = appRoutes;
        return controller;
    }

    /**
     * Announces this CF's SSH proxy, which turns SSH on globally: {@code GET /} ({@code links.app_ssh}) and
     * {@code GET /v2/info} give its {@code host:port}, its host key's fingerprint and the UAA client for its codes.
     */
    public void appSsh(String endpoint, String hostKeyFingerprint, String oauthClient) {
        ssh.proxy(new SshSettings.Proxy(endpoint, hostKeyFingerprint, oauthClient));
    }

    public URI uri() {
        return server.uri();
    }

    /** TCP routes, internal routes and network policies, for the sim's TCP router and container network. */
    public NetworkRoutes network() {
        return network;
    }

    /** Installs the injected-fault seam (see {@link ApiFaultHook}); {@link ApiFaultHook#NONE} removes it. */
    public void faultHook(ApiFaultHook hook) {
        handler.faultHook(Objects.requireNonNull(hook, "hook"));
    }

        /**
     * <b>Test-only fault.</b> {@code true} switches authorization off: every authenticated caller is treated
     * as an admin, so a space developer sees and changes other spaces and may create organizations. It lets
     * tests show that an isolation check fails when CF does not isolate. The same happens from the start
     * when the JVM has the system property {@code vigil.sim.test.skipAuthorization=true}.
     */
    public void skipAuthorizationForTests(boolean skip) {
        access.skip(skip);
    }

    /** A resource's JSON as an admin would GET it, for placing resources the access control has no lookup for. */
    private static Optional<com.fasterxml.jackson.databind.JsonNode> representation(RouteTable<CcEndpoint> table, String path) {
        SecurityContext internal = SecurityContext.valid(new Caller("vigil-sim-access-control", null,
                java.util.Set.of("cloud_controller.admin")));
        return table.match("GET", path).flatMap(match -> {
            try {
                vigil.sim.http.Response response = match.value().handle(
                        new vigil.sim.http.Request("GET", path, "", Map.of(), new byte[0]).withPathParams(match.pathParams()),
                        internal);
                return response.status() == 200
                        ? Optional.of(new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()))
                        : Optional.empty();
            } catch (ApiError | IOException e) {
                return Optional.empty();
            }
        });
    }

    // syslog drains (issue 13)

    /**
     * The syslog drains bound to the app now (none for an unknown app), for the embedded CF's syslog agent;
     * {@code wholeSpace} is a test-only fault: the drains of every app in the app's space.
     */
    public List<AppSyslogDrain> syslogDrains(String appGuid, boolean wholeSpace) {
        return new SyslogDrainLookup(store).forApp(appGuid, wholeSpace);
    }

    /** Whether an {@code Authorization} header carries a token this CC accepts (for the log-cache). */
    public boolean acceptsToken(Optional<String> authorization) {
        return verifier.verify(authorization).caller().isPresent();
    }

    /**
     * The destinations of the route that best matches a request, for the router: the route whose
     * host and domain make up {@code host} (a port suffix is ignored) and whose path is the longest
     * prefix of {@code path} by whole segments ({@code /foo} matches {@code /foo} and {@code /foo/bar},
     * not {@code /foobar}). Only destinations of started apps count. Empty when nothing matches.
     */
    public List<RouteTarget> routeTargets(String host, String path) {
        Optional<Route> best = bestRoute(host, path);
        List<RouteTarget> targets = new ArrayList<>();
        List<Destination> destinations = new ArrayList<>();
        best.ifPresent(route -> {
            destinations.addAll(route.destinations());
            destinations.addAll(faults.unmappedButRouted(route.guid()));
        });
        destinations.forEach(destination -> store.apps.get(destination.appGuid())
                .filter(App::started)
                .flatMap(app -> store.processOf(app.guid(), destination.processType()))
                .ifPresent(process -> targets.add(new RouteTarget(destination.appGuid(), process.guid(), destination.port()))));
        return targets;
    }

    private Optional<Route> bestRoute(String host, String path) {
        String hostname = host.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
        String requestPath = path == null || path.isEmpty() ? "/" : path;
        return store.routes.all().stream()
                .filter(this::publiclyRouted)
                .filter(route -> hostname.equals(hostOf(route)))
                .filter(route -> route.path().isEmpty() || requestPath.equals(route.path())
                        || requestPath.startsWith(route.path() + "/"))
                .max(Comparator.comparingInt(route -> route.path().length()));
    }

    /** Gorouter carries neither TCP routes nor routes of internal domains (unless a test fault says so). */
    private boolean publiclyRouted(Route route) {
        return route.port() == null && (faults.internalRoutesOnPublicRouter()
                || store.domains.get(route.domainGuid()).map(domain -> !domain.internal()).orElse(true));
    }

    private String hostOf(Route route) {
        String domain = store.domains.get(route.domainGuid()).map(Domain::name).orElse("");
        return (route.host().isEmpty() ? domain : route.host().toLowerCase(Locale.ROOT) + "." + domain);
    }

    // route services and brokers pushed as apps (issue 11)
    private AppRouteAddresses appRoutes;

    /**
     * How the CC reaches brokers that run as apps on this CF: {@code resolver} gives an address of an instance
     * behind a route ({@code host}, {@code path}), as the router would pick one; until it is set, only brokers on
     * loopback addresses are reachable.
     */
    public void appRouteAddresses(java.util.function.BiFunction<String, String, Optional<java.net.InetSocketAddress>> resolver) {
        appRoutes.use(resolver);
    }

    /**
     * The route service the router must send a request for {@code host} and {@code path} through: the
     * {@code route_service_url} of the route binding of the best matching route (as {@link #routeTargets}
     * picks it), once that binding exists. Empty when the route has no route service.
     */
    public Optional<String> routeServiceUrl(String host, String path) {
        if (faults.routeServicesBypassed()) {
            return Optional.empty();
        }
        return bestRoute(host, path).flatMap(route -> store.routeBindings.where(binding -> binding.routeGuid()
                        .equals(route.guid()) && LastOperation.SUCCEEDED.equals(binding.lastOperation().state()))
                .stream().map(ServiceRouteBinding::routeServiceUrl).filter(Objects::nonNull).findFirst());
    }

    /** How many organizations, spaces, apps and routes exist, for {@code vigil sim status}. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("organizations", store.organizations.size());
        counts.put("spaces", store.spaces.size());
        counts.put("apps", store.apps.size());
        counts.put("routes", store.routes.size());
        // services (issue 11): what a run must also leave nothing of
        counts.put("service_brokers", store.serviceBrokers.size());
        counts.put("service_instances", store.serviceInstances.size());
        counts.put("service_bindings", store.serviceBindings.size() + store.routeBindings.size());
        return counts;
    }

    /** Stops serving and the background work; a work dir this controller created is deleted. */
    @Override
    public void close() {
        server.close();
        background.shutdownNow();
        if (createdWorkDir != null) {
            ResourceDeleter.deleteTree(createdWorkDir);
        }
    }

    private static java.util.concurrent.ThreadFactory workers() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "vigil-sim-cc-worker-" + counter.incrementAndGet());
            // Daemon: staging or a delete job in flight must not keep the JVM alive after close.
            thread.setDaemon(true);
            return thread;
        };
    }
}
