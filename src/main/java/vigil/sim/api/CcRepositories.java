package vigil.sim.api;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the Cloud Controller stores, one repository per resource, plus the clock its
 * timestamps come from. Lookups that fail raise CC's 404 for the resource ("App not found").
 */
final class CcRepositories {

    // users and roles; service instances and bindings
    final Repository<User> users = new Repository<>();
    final Repository<Role> roles = new Repository<>();
    final Repository<ServiceInstance> serviceInstances = new Repository<>();
    final Repository<ServiceCredentialBinding> serviceBindings = new Repository<>();
    // service brokers, their offerings and plans; route bindings
    final Repository<ServiceBroker> serviceBrokers = new Repository<>();
    final Repository<ServiceOffering> serviceOfferings = new Repository<>();
    final Repository<ServicePlan> servicePlans = new Repository<>();
    final Repository<ServiceRouteBinding> routeBindings = new Repository<>();

    final Repository<Organization> organizations = new Repository<>();
    final Repository<Space> spaces = new Repository<>();
    final Repository<Domain> domains = new Repository<>();
    final Repository<Route> routes = new Repository<>();
    final Repository<App> apps = new Repository<>();
    final Repository<BitsPackage> packages = new Repository<>();
    final Repository<Build> builds = new Repository<>();
    final Repository<Droplet> droplets = new Repository<>();
    final Repository<AppProcess> processes = new Repository<>();
    final Repository<Job> jobs = new Repository<>();
    final Repository<Task> tasks = new Repository<>();
    final Repository<Deployment> deployments = new Repository<>();

    // app platform features: sidecars, revisions, readiness checks (by process guid)
    final Repository<Sidecar> sidecars = new Repository<>();
    final Repository<Revision> revisions = new Repository<>();
    final Repository<ReadinessCheck> readinessChecks = new Repository<>();
    /** The revision each started app's processes run, by app guid. */
    final Map<String, String> deployedRevisions = new ConcurrentHashMap<>();

    private final Clock clock;

    CcRepositories(Clock clock) {
        this.clock = clock;
    }

    /** Whole seconds, as CC stores them, so that ordering by time agrees with what clients see. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    Clock clock() {
        return clock;
    }

    static String newGuid() {
        return UUID.randomUUID().toString();
    }

    Organization organization(String guid) {
        return organizations.get(guid).orElseThrow(() -> CcError.notFound("Organization"));
    }

    Space space(String guid) {
        return spaces.get(guid).orElseThrow(() -> CcError.notFound("Space"));
    }

    Domain domain(String guid) {
        return domains.get(guid).orElseThrow(() -> CcError.notFound("Domain"));
    }

    Route route(String guid) {
        return routes.get(guid).orElseThrow(() -> CcError.notFound("Route"));
    }

    App app(String guid) {
        return apps.get(guid).orElseThrow(() -> CcError.notFound("App"));
    }

    BitsPackage bitsPackage(String guid) {
        return packages.get(guid).orElseThrow(() -> CcError.notFound("Package"));
    }

    Build build(String guid) {
        return builds.get(guid).orElseThrow(() -> CcError.notFound("Build"));
    }

    Droplet droplet(String guid) {
        return droplets.get(guid).orElseThrow(() -> CcError.notFound("Droplet"));
    }

    AppProcess process(String guid) {
        return processes.get(guid).orElseThrow(() -> CcError.notFound("Process"));
    }

    User user(String guid) {
        return users.get(guid).orElseThrow(() -> CcError.notFound("User"));
    }

    Role role(String guid) {
        return roles.get(guid).orElseThrow(() -> CcError.notFound("Role"));
    }

    ServiceInstance serviceInstance(String guid) {
        return serviceInstances.get(guid).orElseThrow(() -> CcError.notFound("Service instance"));
    }

    ServiceCredentialBinding serviceBinding(String guid) {
        return serviceBindings.get(guid).orElseThrow(() -> CcError.notFound("Service credential binding"));
    }

    ServiceBroker serviceBroker(String guid) {
        return serviceBrokers.get(guid).orElseThrow(() -> CcError.notFound("Service broker"));
    }

    ServiceOffering serviceOffering(String guid) {
        return serviceOfferings.get(guid).orElseThrow(() -> CcError.notFound("Service offering"));
    }

    ServicePlan servicePlan(String guid) {
        return servicePlans.get(guid).orElseThrow(() -> CcError.notFound("Service plan"));
    }

    ServiceRouteBinding routeBinding(String guid) {
        return routeBindings.get(guid).orElseThrow(() -> CcError.notFound("Service route binding"));
    }

    Job job(String guid) {
        return jobs.get(guid).orElseThrow(() -> CcError.notFound("Job"));
    }

    Task task(String guid) {
        return tasks.get(guid).orElseThrow(() -> CcError.notFound("Task"));
    }

    Deployment deployment(String guid) {
        return deployments.get(guid).orElseThrow(() -> CcError.notFound("Deployment"));
    }

    List<AppProcess> processesOf(String appGuid) {
        return processes.where(process -> process.appGuid().equals(appGuid));
    }

    Optional<AppProcess> processOf(String appGuid, String type) {
        return processesOf(appGuid).stream().filter(process -> process.type().equals(type)).findFirst();
    }

    /** The organization a space belongs to; spaces and their orgs are deleted together, so it exists. */
    String organizationGuidOfSpace(String spaceGuid) {
        return spaces.get(spaceGuid).map(Space::organizationGuid).orElse(null);
    }

    String spaceGuidOfApp(String appGuid) {
        return apps.get(appGuid).map(App::spaceGuid).orElse(null);
    }

    /** The route's URI as CC renders it: host.domain/path, or domain/path without a host. */
    String uri(Route route) {
        String domain = domains.get(route.domainGuid()).map(Domain::name).orElse("");
        return (route.host().isEmpty() ? domain : route.host() + "." + domain) + route.path();
    }

    /** Whether a job's resource still exists, so the job links to it (CC's {@code resource_exists?}). */
    boolean exists(String resourceType, String guid) {
        return switch (resourceType) {
            case "user" -> users.contains(guid);
            case "role" -> roles.contains(guid);
            case "service_instance" -> serviceInstances.contains(guid);
            case "service_broker" -> serviceBrokers.contains(guid);
            case "service_credential_binding" -> serviceBindings.contains(guid);
            case "service_route_binding" -> routeBindings.contains(guid);
            case "organization" -> organizations.contains(guid);
            case "space" -> spaces.contains(guid);
            case "domain" -> domains.contains(guid);
            case "route" -> routes.contains(guid);
            case "app" -> apps.contains(guid);
            case "package" -> packages.contains(guid);
            case "build" -> builds.contains(guid);
            case "droplet" -> droplets.contains(guid);
            default -> false;
        };
    }
}
