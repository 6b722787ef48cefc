package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code processes:} and {@code sidecars:} of a manifest application, as CC's app manifest reads, applies
 * and writes them back. A process type the app has no process of yet (e.g. not in its droplet) gets one, as CC's
 * AppApplyManifest does; a sidecar is matched by name on the app and updated, or else created.
 *
 * <pre>
 * processes:
 * - type: worker
 *   instances: 2
 *   command: ./worker
 *   health-check-type: process
 * sidecars:
 * - name: proxy
 *   process_types: [web]
 *   command: ./proxy
 *   memory: 64M
 * </pre>
 */
final class ManifestProcesses {

    private static final Set<String> CHECK_TYPES = Set.of("port", "process", "http");

    /** One {@code processes:} entry; null fields were not given. */
    record ProcessEntry(String type, Integer instances, Integer memoryMb, Integer diskMb, String command,
                        String healthCheckType, String healthCheckEndpoint, Integer invocationTimeout, Integer interval,
                        Integer timeout, String readinessType, String readinessEndpoint,
                        Integer readinessInvocationTimeout, Integer readinessInterval) {
    }

    /** One {@code sidecars:} entry. */
    record SidecarEntry(String name, List<String> processTypes, String command, Integer memoryMb) {
    }

    private ManifestProcesses() {
    }

    /**
     * The entries of {@code processes:}. As CC orders them, type and byte-size problems go to {@code problems} at
     * once, and the scale (instances) and then update (command, checks) ones to {@code laterProblems}, which CC
     * lists after the sidecars' problems.
     */
    static List<ProcessEntry> processes(JsonNode value, List<String> problems, List<String> laterProblems) {
        List<ProcessEntry> entries = new ArrayList<>();
        if (value == null || value.isNull()) {
            return entries;
        }
        if (!value.isArray()) {
            problems.add("Processes must be an array of process configurations");
            return entries;
        }
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        List<JsonNode> typed = new ArrayList<>();
        boolean untyped = false;
        for (JsonNode process : value) {
            String type = type(process);
            if (type.isEmpty()) {
                untyped = true;
            } else if (seen.add(type)) {
                typed.add(process);
            } else {
                duplicates.add(type);
            }
        }
        if (untyped) {
            problems.add("All Processes must specify a type");
        }
        duplicates.forEach(type -> problems.add("Process \"" + type + "\" may only be present once"));
        List<String> scaleProblems = new ArrayList<>();
        List<String> updateProblems = new ArrayList<>();
        for (JsonNode process : typed) {
            String type = type(process);
            String prefix = "Process \"" + type + "\": ";
            List<String> own = new ArrayList<>();
            String checkType = text(process, "health-check-type");
            String endpoint = text(process, "health-check-http-endpoint");
            String readinessType = text(process, "readiness-health-check-type");
            String readinessEndpoint = text(process, "readiness-health-check-http-endpoint");
            // In the order CC's ManifestProcessUpdateMessage checks them, so the errors list the same way.
            if (checkType != null && endpoint != null && !"http".equals(checkType)) {
                own.add("Health check type must be \"http\" to set a health check HTTP endpoint");
            }
            if (readinessType != null && readinessEndpoint != null && !"http".equals(readinessType)) {
                own.add("Readiness health check type must be \"http\" to set a health check HTTP endpoint");
            }
            String command = null;
            JsonNode commandNode = process.get("command");
            if (commandNode != null && !commandNode.isNull()) {
                command = commandNode.asText();
                if (command.isEmpty() || command.length() > 4096) {
                    own.add("Command must be between 1 and 4096 characters");
                }
            }
            if (checkType != null && !CHECK_TYPES.contains(checkType)) {
                own.add("Health check type must be \"port\", \"process\", or \"http\"");
            }
            uriPath(endpoint, "Health check http endpoint", own);
            Integer invocation = seconds(process, "health-check-invocation-timeout", "Health check invocation timeout", own);
            Integer interval = seconds(process, "health-check-interval", "Health check interval", own);
            if (readinessType != null && !CHECK_TYPES.contains(readinessType)) {
                own.add("Readiness health check type must be \"port\", \"process\", or \"http\"");
            }
            Integer readinessInvocation = seconds(process, "readiness-health-check-invocation-timeout",
                    "Readiness health check invocation timeout", own);
            uriPath(readinessEndpoint, "Readiness health check http endpoint", own);
            Integer readinessInterval = seconds(process, "readiness-health-check-interval",
                    "Readiness health check interval", own);
            Integer timeout = seconds(process, "timeout", "Timeout", own);
            own.forEach(problem -> updateProblems.add(prefix + problem));
            Integer memory = ManifestsEndpoint.megabytes(process.get("memory"), type, "Memory", problems);
            Integer disk = ManifestsEndpoint.megabytes(process.get("disk_quota"), type, "Disk quota", problems);
            entries.add(new ProcessEntry(type, ManifestsEndpoint.instances(process.get("instances"), type, scaleProblems),
                    memory, disk, command, checkType, endpoint, invocation, interval, timeout, readinessType,
                    readinessEndpoint, readinessInvocation, readinessInterval));
        }
        laterProblems.addAll(scaleProblems);
        laterProblems.addAll(updateProblems);
        return entries;
    }

    static List<SidecarEntry> sidecars(JsonNode value, List<String> problems) {
        List<SidecarEntry> entries = new ArrayList<>();
        if (value == null || value.isNull()) {
            return entries;
        }
        if (!value.isArray()) {
            problems.add("Sidecars must be an array of sidecar configurations");
            return entries;
        }
        for (JsonNode sidecar : value) {
            String name = text(sidecar, "name");
            List<String> own = new ArrayList<>();
            if (name == null || name.isBlank()) {
                own.add("Name can't be blank");
            }
            String command = text(sidecar, "command");
            if (command == null || command.isBlank()) {
                own.add("Command can't be blank");
            }
            List<String> types = new ArrayList<>();
            JsonNode typesNode = sidecar.get("process_types");
            if (typesNode == null || !typesNode.isArray()) {
                own.add("Process types must be an array");
            } else if (typesNode.isEmpty()) {
                own.add("Process types must have at least 1 process_type");
            } else {
                typesNode.forEach(type -> types.add(type.asText()));
            }
            // CC passes a memory it cannot convert on as it is, so its sidecar message words the problem.
            List<String> unconvertible = new ArrayList<>();
            Integer memory = ManifestsEndpoint.megabytes(sidecar.get("memory"), "", "Memory", unconvertible);
            if (!unconvertible.isEmpty()) {
                own.add(unconvertible.get(0).endsWith("greater than 0MB") ? "Memory in mb must be greater than 0"
                        : "Memory in mb is not a number");
            }
            // As CC: a named sidecar's problems read 'Sidecar "name": ...', an unnamed one's 'Sidecar name can't ...'.
            own.forEach(problem -> problems.add(name == null || name.isBlank()
                    ? "Sidecar " + problem.toLowerCase(Locale.ROOT) : "Sidecar \"" + name + "\": " + problem));
            entries.add(new SidecarEntry(name, types, command, memory));
        }
        return entries;
    }

    /** The job's work: each entry's process found or created, then scaled and configured. */
    static void applyProcesses(CcRepositories store, DesiredProcesses running, App app, List<ProcessEntry> entries) {
        for (ProcessEntry entry : entries) {
            AppProcess current = store.processOf(app.guid(), entry.type()).orElseGet(() -> create(store, app, entry.type()));
            AppProcess.HealthCheckSpec check = current.healthCheck();
            String checkType = entry.healthCheckType() != null ? entry.healthCheckType() : check.type();
            String endpoint = entry.healthCheckEndpoint() != null ? entry.healthCheckEndpoint() : check.endpoint();
            AppProcess.HealthCheckSpec newCheck = new AppProcess.HealthCheckSpec(checkType,
                    entry.timeout() != null ? entry.timeout() : check.timeout(),
                    entry.invocationTimeout() != null ? entry.invocationTimeout() : check.invocationTimeout(),
                    entry.interval() != null ? entry.interval() : check.interval(), "http".equals(checkType) ? endpoint : null);
            boolean readinessChanged = updateReadiness(store, current, entry);
            // As a PATCH of the process: a new check type or endpoint replaces a started app's instances.
            boolean newVersion = readinessChanged || !Objects.equals(newCheck.type(), check.type())
                    || !Objects.equals(newCheck.endpoint(), check.endpoint());
            boolean started = store.apps.get(app.guid()).map(App::started).orElse(false);
            AppProcess updated = store.processes.update(current.guid(), process -> process
                    .scaled(entry.instances() != null ? entry.instances() : process.instances(),
                            entry.memoryMb() != null ? entry.memoryMb() : process.memoryMb(),
                            entry.diskMb() != null ? entry.diskMb() : process.diskMb(), process.logRateLimit(), store.now())
                    .updated(entry.command() != null ? entry.command() : process.command(), newCheck, process.metadata(),
                            newVersion && started ? CcRepositories.newGuid() : process.version(), store.now()))
                    .orElseThrow(() -> CcError.notFound("Process"));
            running.changed(updated);
        }
    }

    /** Stores the entry's readiness check if it changes the process's; true when it did. */
    private static boolean updateReadiness(CcRepositories store, AppProcess process, ProcessEntry entry) {
        if (entry.readinessType() == null && entry.readinessEndpoint() == null && entry.readinessInvocationTimeout() == null
                && entry.readinessInterval() == null) {
            return false;
        }
        ReadinessCheck before = store.readinessChecks.get(process.guid()).orElse(ReadinessCheck.none(process.guid(), store.now()));
        String type = entry.readinessType() != null ? entry.readinessType() : before.type();
        String endpoint = entry.readinessEndpoint() != null ? entry.readinessEndpoint() : before.endpoint();
        ReadinessCheck next = new ReadinessCheck(process.guid(), type, "http".equals(type) ? endpoint : null,
                entry.readinessInvocationTimeout() != null ? entry.readinessInvocationTimeout() : before.invocationTimeout(),
                entry.readinessInterval() != null ? entry.readinessInterval() : before.interval(), before.createdAt(),
                store.now());
        if (Objects.equals(next.type(), before.type()) && Objects.equals(next.endpoint(), before.endpoint())
                && Objects.equals(next.invocationTimeout(), before.invocationTimeout())
                && Objects.equals(next.interval(), before.interval())) {
            return false;
        }
        store.readinessChecks.remove(process.guid());
        store.readinessChecks.add(next);
        return true;
    }

    /** As CC: a process of a type the droplet does not have is made with the type's defaults (0 instances if not web). */
    private static AppProcess create(CcRepositories store, App app, String type) {
        AppProcess process = DropletProcessTypes.fresh(app.guid(), type, store.now());
        store.processes.addUnless(process, other -> other.appGuid().equals(app.guid()) && other.type().equals(type));
        return store.processOf(app.guid(), type).orElseThrow(() -> CcError.notFound("Process"));
    }

    static void applySidecars(CcRepositories store, App app, List<SidecarEntry> entries) {
        for (SidecarEntry entry : entries) {
            Sidecar fresh = new Sidecar(CcRepositories.newGuid(), app.guid(), entry.name(), entry.command(),
                    entry.processTypes(), entry.memoryMb(), "user", store.now(), store.now());
            if (!store.sidecars.addUnless(fresh, other -> other.appGuid().equals(app.guid())
                    && other.name().equals(entry.name()))) {
                store.sidecars.where(other -> other.appGuid().equals(app.guid()) && other.name().equals(entry.name()))
                        .forEach(existing -> store.sidecars.update(existing.guid(), s -> s.updated(entry.name(),
                                entry.command(), entry.processTypes(),
                                entry.memoryMb() != null ? entry.memoryMb() : s.memoryMb(), store.now())));
            }
        }
    }

    /** The process's manifest fields beyond the scale ones, as CC's manifest presenter writes them. */
    static void presentProcess(CcRepositories store, AppProcess process, ObjectNode node) {
        if (process.command() != null) {
            node.put("command", process.command());
        }
        if (process.healthCheck().invocationTimeout() != null) {
            node.put("health-check-invocation-timeout", process.healthCheck().invocationTimeout());
        }
        if (process.healthCheck().interval() != null) {
            node.put("health-check-interval", process.healthCheck().interval());
        }
        if (process.healthCheck().timeout() != null) {
            node.put("timeout", process.healthCheck().timeout());
        }
        store.readinessChecks.get(process.guid()).ifPresent(check -> {
            node.put("readiness-health-check-type", check.type());
            if (check.endpoint() != null) {
                node.put("readiness-health-check-http-endpoint", check.endpoint());
            }
            if (check.invocationTimeout() != null) {
                node.put("readiness-health-check-invocation-timeout", check.invocationTimeout());
            }
            if (check.interval() != null) {
                node.put("readiness-health-check-interval", check.interval());
            }
        });
    }

    static void presentSidecars(CcRepositories store, App app, ObjectNode entry) {
        List<Sidecar> sidecars = store.sidecars.where(s -> s.appGuid().equals(app.guid()));
        if (sidecars.isEmpty()) {
            return;
        }
        ArrayNode list = entry.putArray("sidecars");
        for (Sidecar sidecar : sidecars) {
            ObjectNode node = list.addObject();
            node.put("name", sidecar.name());
            ArrayNode types = node.putArray("process_types");
            sidecar.processTypes().forEach(types::add);
            node.put("command", sidecar.command());
            if (sidecar.memoryMb() != null) {
                node.put("memory", sidecar.memoryMb() + "M");
            }
        }
    }

    private static String type(JsonNode process) {
        return process.path("type").isTextual() ? process.get("type").asText().trim() : "";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void uriPath(String value, String label, List<String> problems) {
        if (value != null && !value.startsWith("/")) {
            problems.add(label + " must be a valid URI path");
        }
    }

    private static Integer seconds(JsonNode node, String field, String label, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            problems.add(label + " is not a number");
        } else if (!value.isIntegralNumber()) {
            problems.add(label + " must be an integer");
        } else if (value.asLong() < 1) {
            problems.add(label + " must be greater than or equal to 1");
        } else {
            return value.asInt();
        }
        return null;
    }
}
