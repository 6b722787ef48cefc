package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code POST /v3/spaces/:guid/actions/apply_manifest} (YAML) and {@code GET /v3/apps/:guid/manifest}.
 * As in CC, the manifest is validated and missing apps are created at once, and the rest is a job: env
 * vars are merged, the web process is scaled (a started app's instances follow at once), routes are
 * created if needed and mapped, and named service instances bound. Like CC's, applying is additive.
 * {@code processes:} and {@code sidecars:} entries are read, applied and written back by {@link ManifestProcesses}.
 *
 * <pre>
 * applications:
 * - name: my-app
 *   instances: 2
 *   memory: 256M
 *   env: {GREETING: hi}
 *   routes: [{route: my-app.apps.vigil.test/api}]
 * </pre>
 */
final class ManifestsEndpoint {

    static final String YAML = "application/x-yaml";
    private static final YAMLMapper YAML_MAPPER = YAMLMapper.builder()
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES).build();
    private static final Pattern MEMORY = Pattern.compile("^\\s*(-?\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)\\s*$");

    /** One application of a manifest, validated. Null fields were not given. */
    private record AppManifest(String name, Integer instances, Integer memoryMb, Integer diskMb, ObjectNode env,
                               List<String> routes, List<String> services, String command,
                               List<ManifestProcesses.ProcessEntry> processes, List<ManifestProcesses.SidecarEntry> sidecars) {
    }

    private final CcRepositories store;
    private final JobRunner jobs;
    private final DesiredProcesses running;
    private final CcFaults faults;

    ManifestsEndpoint(CcRepositories store, JobRunner jobs, DesiredProcesses running, CcFaults faults) {
        this.faults = faults;
        this.store = store;
        this.jobs = jobs;
        this.running = running;
    }

    Response apply(Request request, SecurityContext security) {
        security.requireWriter();
        Space space = store.space(request.pathParam("guid").orElseThrow());
        String contentType = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.contains("yaml")) {
            throw CcError.BAD_REQUEST.raise("Content-Type must be yaml");
        }
        List<AppManifest> manifests = parse(request.body());
        List<String> appGuids = new ArrayList<>();
        for (AppManifest manifest : manifests) {
            appGuids.add(findOrCreate(manifest.name(), space.guid()).guid());
        }
        return V3Json.acceptedJob(jobs.enqueue("space.apply_manifest", "space", space.guid(), () -> {
            for (int i = 0; i < manifests.size(); i++) {
                apply(manifests.get(i), store.app(appGuids.get(i)), space);
            }
        }));
    }

    /** CC's {@code GET /v3/apps/:guid/manifest}: what a manifest for the app as it is would say. */
    Response get(Request request, SecurityContext security) {
        security.requireReader();
        App app = store.app(request.pathParam("guid").orElseThrow());
        ObjectNode document = JsonWriter.object();
        ObjectNode entry = document.putArray("applications").addObject();
        entry.put("name", app.name());
        entry.put("stack", app.stack());
        if (!app.environmentVariables().isEmpty()) {
            entry.set("env", app.environmentVariables());
        }
        List<String> services = store.serviceBindings.where(binding -> binding.forApp(app.guid())).stream()
                .map(binding -> store.serviceInstances.get(binding.serviceInstanceGuid()).map(ServiceInstance::name).orElse(null))
                .filter(name -> name != null).toList();
        if (!services.isEmpty()) {
            ArrayNode list = entry.putArray("services");
            services.forEach(list::add);
        }
        List<Route> routes = store.routes.where(route -> route.appGuids().contains(app.guid()));
        if (routes.isEmpty()) {
            entry.put("no-route", true);
        } else {
            ArrayNode list = entry.putArray("routes");
            routes.forEach(route -> list.addObject().put("route", store.uri(route)).put("protocol", "http1"));
        }
        ArrayNode processes = entry.putArray("processes");
        for (AppProcess process : store.processesOf(app.guid())) {
            ObjectNode node = processes.addObject();
            node.put("type", process.type());
            node.put("instances", process.instances());
            node.put("memory", process.memoryMb() + "M");
            node.put("disk_quota", process.diskMb() + "M");
            node.put("log-rate-limit-per-second", process.logRateLimit() < 0 ? "-1" : process.logRateLimit() + "B");
            node.put("health-check-type", process.healthCheck().type());
            if (process.healthCheck().endpoint() != null) {
                node.put("health-check-http-endpoint", process.healthCheck().endpoint());
            }
            ManifestProcesses.presentProcess(store, process, node);
        }
        ManifestProcesses.presentSidecars(store, app, entry);
        try {
            return new Response(200, Map.of("Content-Type", YAML), YAML_MAPPER.writeValueAsBytes(document));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a manifest", e);
        }
    }

    private List<AppManifest> parse(byte[] body) {
        JsonNode document;
        try {
            document = YAML_MAPPER.readTree(body);
        } catch (IOException e) {
            throw CcError.MESSAGE_PARSE_ERROR.raise("invalid request body");
        }
        if (document == null || !document.isObject()) {
            throw CcError.MESSAGE_PARSE_ERROR.raise("invalid request body");
        }
        JsonNode version = document.get("version");
        if (version != null && !version.isNull() && version.asInt(0) != 1) {
            throw CcError.unprocessable("Unsupported manifest schema version. Currently supported versions: [1].");
        }
        JsonNode applications = document.get("applications");
        if (applications == null || !applications.isArray() || applications.isEmpty()) {
            throw CcError.unprocessable("Cannot parse manifest with no 'applications' field.");
        }
        List<AppManifest> manifests = new ArrayList<>();
        List<ApiError> errors = new ArrayList<>();
        for (int i = 0; i < applications.size(); i++) {
            JsonNode application = applications.get(i);
            List<String> problems = new ArrayList<>();
            String name = application.path("name").isValueNode() ? application.path("name").asText("").trim() : "";
            if (name.isEmpty()) {
                problems.add("Name must not be empty");
            }
            Integer instances = instances(application.get("instances"), AppProcess.WEB, problems);
            Integer memory = megabytes(application.get("memory"), AppProcess.WEB, "Memory", problems);
            Integer disk = megabytes(application.get("disk_quota"), AppProcess.WEB, "Disk quota", problems);
            ObjectNode env = env(application.get("env"), problems);
            List<String> routes = routes(application.get("routes"), problems);
            List<String> services = services(application.get("services"), problems);
            String command = application.path("command").isTextual() ? application.get("command").asText() : null;
            List<String> processProblems = new ArrayList<>();
            List<ManifestProcesses.ProcessEntry> processes = ManifestProcesses.processes(application.get("processes"),
                    problems, processProblems);
            List<ManifestProcesses.SidecarEntry> sidecars = ManifestProcesses.sidecars(application.get("sidecars"), problems);
            problems.addAll(processProblems);
            String prefix = name.isEmpty() ? "For application at index " + i + ": " : "For application '" + name + "': ";
            problems.forEach(problem -> errors.add(CcError.unprocessable(prefix + problem)));
            manifests.add(new AppManifest(name, instances, memory, disk, env, routes, services, command, processes, sidecars));
        }
        if (!errors.isEmpty()) {
            throw ApiError.compound(errors);
        }
        return manifests;
    }

    static Integer instances(JsonNode value, String type, List<String> problems) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() && !(value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?"))) {
            problems.add("Process \"" + type + "\": Instances is not a number");
            return null;
        }
        if (value.isTextual() ? value.asText().contains(".") : !value.isIntegralNumber()) {
            problems.add("Process \"" + type + "\": Instances must be an integer");
            return null;
        }
        long count = value.asLong();
        if (count < 0) {
            problems.add("Process \"" + type + "\": Instances must be greater than or equal to 0");
            return null;
        }
        return (int) Math.min(count, 2_000_000);
    }

    /** CC's byte quantities: a number and a unit (M, MB, G, GB, ...); a bare number is megabytes. */
    static Integer megabytes(JsonNode value, String type, String label, List<String> problems) {
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        Matcher matcher = MEMORY.matcher(value.asText());
        if (!matcher.matches()) {
            problems.add("Process \"" + type + "\": " + label + " is not a number");
            return null;
        }
        double number = Double.parseDouble(matcher.group(1));
        double mb = switch (matcher.group(2).toUpperCase(Locale.ROOT)) {
            case "", "M", "MB" -> number;
            case "G", "GB" -> number * 1024;
            case "T", "TB" -> number * 1024 * 1024;
            case "K", "KB" -> number / 1024;
            case "B" -> number / 1024 / 1024;
            default -> Double.NaN;
        };
        if (Double.isNaN(mb)) {
            problems.add("Process \"" + type + "\": " + label + " must use a supported unit: B, K, KB, M, MB, G, GB, T, or TB");
            return null;
        }
        if (mb < 1) {
            problems.add("Process \"" + type + "\": " + label + " must be greater than 0MB");
            return null;
        }
        return (int) mb;
    }

    private static ObjectNode env(JsonNode value, List<String> problems) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            problems.add("Env must be an object of keys and values");
            return null;
        }
        ObjectNode env = JsonWriter.object();
        value.fields().forEachRemaining(entry -> {
            if (entry.getKey().startsWith("VCAP_") || entry.getKey().startsWith("VMC_")) {
                problems.add("Env cannot start with " + entry.getKey().substring(0, entry.getKey().indexOf('_') + 1));
            } else if (entry.getKey().equals("PORT")) {
                problems.add("Env cannot set PORT");
            } else {
                // YAML numbers and booleans become strings, as the cf CLI sends them.
                env.put(entry.getKey(), entry.getValue().isValueNode() ? entry.getValue().asText() : entry.getValue().toString());
            }
        });
        return env;
    }

    private static List<String> routes(JsonNode value, List<String> problems) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            problems.add("Routes must be a list of route objects");
            return null;
        }
        List<String> routes = new ArrayList<>();
        for (JsonNode route : value) {
            String uri = route.path("route").asText("");
            if (!route.isObject() || uri.isBlank() || uri.contains(" ") || uri.startsWith("/")) {
                problems.add("The route '" + (route.isObject() ? uri : route.asText()) + "' is not a properly formed URL");
            } else {
                routes.add(uri.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", ""));
            }
        }
        return routes;
    }

    private static List<String> services(JsonNode value, List<String> problems) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            problems.add("Services must be a list of service instance names");
            return null;
        }
        List<String> names = new ArrayList<>();
        value.forEach(service -> names.add(service.isObject() ? service.path("name").asText() : service.asText()));
        return names;
    }

    /** CC's AppFindOrCreateSkeleton: an app that is not there yet is created, stopped, with its web process. */
    private App findOrCreate(String name, String spaceGuid) {
        Optional<App> existing = store.apps.where(app -> app.spaceGuid().equals(spaceGuid) && app.name().equalsIgnoreCase(name))
                .stream().findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        App app = new App(CcRepositories.newGuid(), name, spaceGuid, App.STOPPED, JsonWriter.object(), List.of(),
                Stager.STACK, null, store.now(), store.now(), Metadata.EMPTY);
        if (!store.apps.addUnless(app, other -> other.spaceGuid().equals(spaceGuid) && other.name().equalsIgnoreCase(name))) {
            return findOrCreate(name, spaceGuid);
        }
        store.processes.add(new AppProcess(app.guid(), app.guid(), AppProcess.WEB, null, 1, AppsEndpoint.DEFAULT_MEMORY_MB,
                AppsEndpoint.DEFAULT_DISK_MB, -1, AppProcess.HealthCheckSpec.defaultFor(AppProcess.WEB),
                CcRepositories.newGuid(), store.now(), store.now(), Metadata.EMPTY));
        return app;
    }

    /** The job's work for one app; errors fail the job with CC's "For application 'x': ..." texts. */
    private void apply(AppManifest manifest, App app, Space space) {
        if (manifest.env() != null && !manifest.env().isEmpty()) {
            store.apps.update(app.guid(), current -> {
                ObjectNode variables = current.environmentVariables();
                variables.setAll(manifest.env());
                return current.withEnvironment(variables, store.now());
            });
        }
        scaleWeb(manifest, app);
        ManifestProcesses.applyProcesses(store, running, app, manifest.processes());
        ManifestProcesses.applySidecars(store, app, manifest.sidecars());
        if (manifest.routes() != null) {
            for (String uri : manifest.routes()) {
                mapRoute(manifest.name(), uri, app, space);
            }
        }
        if (manifest.services() != null) {
            for (String serviceName : manifest.services()) {
                bind(manifest.name(), serviceName, app, space);
            }
        }
    }

    private void scaleWeb(AppManifest manifest, App app) {
        if (manifest.instances() == null && manifest.memoryMb() == null && manifest.diskMb() == null
                && manifest.command() == null) {
            return;
        }
        AppProcess web = store.processOf(app.guid(), AppProcess.WEB).orElseThrow(() -> CcError.notFound("Process"));
        AppProcess updated = store.processes.update(web.guid(), process -> {
            int memory = manifest.memoryMb() != null ? manifest.memoryMb() : process.memoryMb();
            boolean instancesGiven = manifest.instances() != null && !faults.manifestInstancesIgnored();
            AppProcess scaled = process.scaled(instancesGiven ? manifest.instances() : process.instances(),
                    memory, manifest.diskMb() != null ? manifest.diskMb() : process.diskMb(), process.logRateLimit(),
                    store.now());
            if (manifest.command() != null && !manifest.command().equals(process.command())) {
                scaled = scaled.updated(manifest.command(), scaled.healthCheck(), scaled.metadata(), scaled.version(),
                        store.now());
            }
            // Only the instance count reaches running instances at once; memory and command wait for a restart (CC's rule).
            return scaled;
        }).orElseThrow(() -> CcError.notFound("Process"));
        running.changed(updated);
    }

    private void mapRoute(String appName, String uri, App app, Space space) {
        int slash = uri.indexOf('/');
        String hostAndDomain = (slash < 0 ? uri : uri.substring(0, slash)).toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
        String path = slash < 0 ? "" : uri.substring(slash);
        Domain domain = store.domains.all().stream()
                .filter(candidate -> hostAndDomain.equals(candidate.name()) || hostAndDomain.endsWith("." + candidate.name()))
                .filter(candidate -> candidate.shared() || candidate.organizationGuid().equals(space.organizationGuid()))
                .max(Comparator.comparingInt(candidate -> candidate.name().length()))
                .orElseThrow(() -> CcError.unprocessable("For application '" + appName + "': The route '" + uri
                        + "' did not match any existing domains."));
        String host = hostAndDomain.equals(domain.name()) ? ""
                : hostAndDomain.substring(0, hostAndDomain.length() - domain.name().length() - 1);
        if (domain.shared() && host.isEmpty()) {
            throw CcError.unprocessable("For application '" + appName
                    + "': Missing host. Routes in shared domains must have a host defined.");
        }
        Route fresh = new Route(CcRepositories.newGuid(), host, path, domain.guid(), space.guid(), List.of(), store.now(),
                store.now(), Metadata.EMPTY);
        store.routes.addUnless(fresh, other -> other.domainGuid().equals(domain.guid()) && other.host().equalsIgnoreCase(host)
                && other.path().equals(path));
        Route route = store.routes.where(other -> other.domainGuid().equals(domain.guid())
                && other.host().equalsIgnoreCase(host) && other.path().equals(path)).get(0);
        if (!route.spaceGuid().equals(space.guid())) {
            throw CcError.unprocessable("For application '" + appName + "': The app cannot be mapped to route '" + uri
                    + "' since the route exists in a different space.");
        }
        Destination destination = new Destination(CcRepositories.newGuid(), app.guid(), AppProcess.WEB,
                RoutesEndpoint.DEFAULT_PORT, "http1", store.now(), store.now());
        store.routes.update(route.guid(), current -> {
            if (current.destinations().stream().anyMatch(destination::sameTarget)) {
                return current;
            }
            List<Destination> destinations = new ArrayList<>(current.destinations());
            destinations.add(destination);
            return current.withDestinations(destinations, store.now());
        });
    }

    private void bind(String appName, String serviceName, App app, Space space) {
        ServiceInstance instance = store.serviceInstances.where(candidate -> candidate.spaceGuid().equals(space.guid())
                        && candidate.name().equals(serviceName)).stream().findFirst()
                .orElseThrow(() -> CcError.unprocessable("For application '" + appName + "': Service instance '"
                        + serviceName + "' not found"));
        ServiceCredentialBinding binding = new ServiceCredentialBinding(CcRepositories.newGuid(), null, app.guid(),
                instance.guid(), instance.credentials(), instance.syslogDrainUrl(), store.now(), store.now(), Metadata.EMPTY);
        // Already bound is fine: applying a manifest again changes nothing.
        store.serviceBindings.addUnless(binding, other -> other.forApp(app.guid())
                && other.serviceInstanceGuid().equals(instance.guid()));
    }
}
