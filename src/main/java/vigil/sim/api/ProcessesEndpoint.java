package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vigil.sim.cells.AppRuntime;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code /v3/processes} and {@code /v3/apps/:guid/processes/:type}: get, list, update (command, health
 * check), scale (202) and stats. Changes to a started app's process reach the cells at once: a new
 * memory limit or health check type or endpoint gives a new version (CC's rule), a new count only rescales.
 */
final class ProcessesEndpoint {

    private static final String PATH = "/v3/processes";
    private static final List<String> FILTERS = List.of("types", "space_guids", "organization_guids", "app_guids",
            "label_selector");
    private static final Set<String> HEALTH_CHECK_TYPES = Set.of("port", "process", "http");

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final ProcessPresenter presenter;
    private final DesiredProcesses running;
    private final AppRuntime runtime;

    ProcessesEndpoint(ApiUrlBuilder urls, CcRepositories store, DesiredProcesses running, AppRuntime runtime) {
        this.urls = urls;
        this.store = store;
        this.presenter = new ProcessPresenter(urls, store);
        this.running = running;
        this.runtime = runtime;
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, List.of());
        return V3Json.ok(PaginatedList.of(urls, PATH, query, processes(query, store.processes.all())));
    }

    Response listForApp(Request request, SecurityContext security) {
        security.requireReader();
        String appGuid = store.app(request.pathParam("guid").orElseThrow()).guid();
        ListQuery query = ListQuery.parse(request.query(), List.of("types", "label_selector"), List.of());
        return V3Json.ok(PaginatedList.of(urls, "/v3/apps/" + appGuid + "/processes", query,
                processes(query, store.processesOf(appGuid))));
    }

    private List<ObjectNode> processes(ListQuery query, List<AppProcess> processes) {
        return new Listing<AppProcess>(query)
                .filter("types", AppProcess::type)
                .filter("app_guids", AppProcess::appGuid)
                .filter("space_guids", process -> store.spaceGuidOfApp(process.appGuid()))
                .filter("organization_guids", process -> store.organizationGuidOfSpace(store.spaceGuidOfApp(process.appGuid())))
                .apply(processes).stream().map(presenter::present).toList();
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.present(process(request)));
    }

    Response update(Request request, SecurityContext security) {
        AppProcess current = process(request);
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "command", "user", "health_check", "readiness_health_check",
                "metadata");
        String command = current.command();
        if (message.has("command")) {
            JsonNode value = message.body().get("command");
            if (value.isNull()) {
                command = null;
            } else if (!value.isTextual()) {
                message.problem("Command must be a string");
            } else if (value.asText().isEmpty() || value.asText().length() > 4096) {
                message.problem("Command must be between 1 and 4096 characters");
            } else {
                command = value.asText();
            }
        }
        AppProcess.HealthCheckSpec healthCheck = healthCheck(message, current.healthCheck());
        ReadinessCheck readinessBefore = store.readinessChecks.get(current.guid())
                .orElse(ReadinessCheck.none(current.guid(), store.now()));
        ReadinessCheck readiness = ReadinessChecks.updated(message, readinessBefore, store.now());
        Metadata metadata = current.metadata().updatedBy(message);
        message.validate();
        boolean newVersion = !Objects.equals(healthCheck.type(), current.healthCheck().type())
                || !Objects.equals(healthCheck.endpoint(), current.healthCheck().endpoint())
                || readiness != readinessBefore;
        if (readiness != readinessBefore) {
            store.readinessChecks.remove(current.guid());
            store.readinessChecks.add(readiness);
        }
        String finalCommand = command;
        AppProcess updated = store.processes.update(current.guid(), process -> process.updated(finalCommand, healthCheck,
                metadata, newVersion && appStarted(process) ? CcRepositories.newGuid() : process.version(), store.now()))
                .orElseThrow(() -> CcError.notFound("Process"));
        running.changed(updated);
        return V3Json.ok(presenter.present(updated));
    }

    private static AppProcess.HealthCheckSpec healthCheck(RequestMessage message, AppProcess.HealthCheckSpec current) {
        JsonNode check = message.body().get("health_check");
        if (check == null || check.isNull()) {
            return current;
        }
        message.rejectUnknown(check, "type", "data");
        String type = check.path("type").asText(current.type());
        if (!HEALTH_CHECK_TYPES.contains(type)) {
            message.problem("Health check type must be \"port\", \"process\", or \"http\"");
        }
        JsonNode data = check.path("data");
        message.rejectUnknown(data, "timeout", "invocation_timeout", "interval", "endpoint");
        Integer timeout = seconds(message, data, "timeout", "Health check timeout", current.timeout());
        Integer invocation = seconds(message, data, "invocation_timeout", "Health check invocation timeout",
                current.invocationTimeout());
        Integer interval = seconds(message, data, "interval", "Health check interval", current.interval());
        String endpoint = data.has("endpoint") ? data.get("endpoint").asText(null) : current.endpoint();
        if (endpoint != null && !endpoint.startsWith("/")) {
            message.problem("Health check endpoint must be a valid URI path");
        }
        // CC drops the endpoint when the type is no longer http.
        return new AppProcess.HealthCheckSpec(type, timeout, invocation, interval, "http".equals(type) ? endpoint : null);
    }

    /** A whole number of seconds, at least 1, from a check's {@code data}; the current value when not given. */
    static Integer seconds(RequestMessage message, JsonNode data, String field, String label, Integer current) {
        if (!data.has(field)) {
            return current;
        }
        JsonNode value = data.get(field);
        if (value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < 1) {
            message.problem(label + " must be greater than or equal to 1");
            return current;
        }
        return value.asInt();
    }

    Response scale(Request request, SecurityContext security) {
        AppProcess current = process(request);
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "instances", "memory_in_mb", "disk_in_mb",
                "log_rate_limit_in_bytes_per_second");
        int instances = message.optionalInteger("instances", "Instances", 0, true).orElse(current.instances());
        int memory = message.optionalInteger("memory_in_mb", "Memory in mb", 0, false).orElse(current.memoryMb());
        int disk = message.optionalInteger("disk_in_mb", "Disk in mb", 0, false).orElse(current.diskMb());
        long logRate = message.optionalInteger("log_rate_limit_in_bytes_per_second", "Log rate limit in bytes per second",
                -1, true).map(Integer::longValue).orElse(current.logRateLimit());
        message.validate();
        AppProcess updated = store.processes.update(current.guid(), process -> {
            AppProcess scaled = process.scaled(instances, memory, disk, logRate, store.now());
            // A new memory limit replaces the instances of a started app (a new version), as in CC.
            return memory != process.memoryMb() && appStarted(process)
                    ? scaled.withVersion(CcRepositories.newGuid(), store.now()) : scaled;
        }).orElseThrow(() -> CcError.notFound("Process"));
        running.changed(updated);
        return V3Json.accepted(presenter.present(updated));
    }

    Response stats(Request request, SecurityContext security) {
        security.requireReader();
        AppProcess process = process(request);
        boolean started = appStarted(process);
        return V3Json.ok(ProcessStatsPresenter.present(process,
                started ? runtime.instances(process.guid()) : List.of(), store.clock().instant()));
    }

    private boolean appStarted(AppProcess process) {
        return store.apps.get(process.appGuid()).map(App::started).orElse(false);
    }

    /** By {@code /v3/processes/:guid}, or by {@code /v3/apps/:guid/processes/:type} (app first, as CC checks). */
    private AppProcess process(Request request) {
        if (request.pathParam("type").isPresent()) {
            App app = store.app(request.pathParam("guid").orElseThrow());
            return store.processOf(app.guid(), request.pathParam("type").orElseThrow())
                    .orElseThrow(() -> CcError.notFound("Process"));
        }
        return store.process(request.pathParam("guid").orElseThrow());
    }
}
