package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code /v3/tasks} and {@code /v3/apps/:guid/tasks}: create (202, run at once in the app's current droplet
 * or the one given), get, list, update (metadata) and cancel (202). {@code GET /v3/tasks} leaves out every
 * task's {@code command}, as CC does for all callers; the sim has no roles, so everywhere else it is shown.
 */
final class TasksEndpoint {

    private static final String PATH = "/v3/tasks";
    private static final List<String> FILTERS = List.of("names", "states", "app_guids", "space_guids",
            "organization_guids", "label_selector");
    private static final List<String> APP_FILTERS = List.of("names", "states", "sequence_ids", "label_selector");
    /** CC's default {@code maximum_app_disk_in_mb}. */
    private static final int MAXIMUM_DISK_MB = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final TaskRunner runner;
    private final TaskPresenter presenter;

    TasksEndpoint(ApiUrlBuilder urls, CcRepositories store, TaskRunner runner) {
        this.urls = urls;
        this.store = store;
        this.runner = runner;
        this.presenter = new TaskPresenter(urls);
    }

    /** CC checks the message before it looks for the app, so a bad body is 422 even for an unknown app. */
    Response create(Request request, SecurityContext security) {
        security.requireCaller();
        RequestMessage message = RequestMessage.of(request, "name", "command", "disk_in_mb", "memory_in_mb",
                "log_rate_limit_in_bytes_per_second", "droplet_guid", "template", "user", "metadata");
        String name = message.optionalString("name", "Name").orElse(null);
        String command = message.optionalString("command", "Command").orElse(null);
        JsonNode template = message.body().get("template");
        if (!message.has("command") && (template == null || template.isNull())) {
            message.problem("Command No command or template provided");
        }
        String templateGuid = null;
        if (template != null && !template.isNull()) {
            JsonNode guid = template.path("process").path("guid");
            if (!guid.isTextual() || guid.asText().isEmpty()) {
                message.problem("Template process guid must be a string");
            } else {
                templateGuid = guid.asText();
            }
        }
        Integer memory = message.optionalInteger("memory_in_mb", "Memory in mb", 0, false).orElse(null);
        Integer disk = message.optionalInteger("disk_in_mb", "Disk in mb", 0, false).orElse(null);
        Long logRate = message.optionalInteger("log_rate_limit_in_bytes_per_second",
                "Log rate limit in bytes per second", -2, false).map(Integer::longValue).orElse(null);
        String dropletGuid = message.optionalString("droplet_guid", "Droplet guid").orElse(null);
        message.optionalString("user", "User");
        Metadata metadata = Metadata.EMPTY.updatedBy(message);
        message.validate();

        App app = store.app(request.pathParam("guid").orElseThrow());
        security.requireWriter();
        Droplet droplet;
        if (dropletGuid != null) {
            droplet = store.droplets.get(dropletGuid).filter(found -> found.appGuid().equals(app.guid()))
                    .orElseThrow(() -> CcError.notFound("Droplet"));
        } else {
            droplet = app.dropletGuid() == null ? null : store.droplets.get(app.dropletGuid()).orElse(null);
        }
        if (droplet == null) {
            throw CcError.unprocessable("Task must have a droplet. Specify droplet or assign current droplet to app.");
        }
        if (disk != null && disk > MAXIMUM_DISK_MB) {
            throw CcError.unprocessable("Cannot request disk_in_mb greater than " + MAXIMUM_DISK_MB);
        }
        AppProcess templateProcess = null;
        if (templateGuid != null) {
            String guid = templateGuid;
            templateProcess = store.processes.get(guid).orElseThrow(() -> CcError.PROCESS_NOT_FOUND.raise(guid));
        }
        if (command == null && templateProcess != null) {
            command = new ProcessPresenter(urls, store).command(templateProcess);
        }
        int memoryMb = memory != null ? memory
                : templateProcess != null ? templateProcess.memoryMb() : AppsEndpoint.DEFAULT_MEMORY_MB;
        int diskMb = disk != null ? disk : templateProcess != null ? templateProcess.diskMb() : AppsEndpoint.DEFAULT_DISK_MB;
        long logRateLimit = logRate != null ? logRate : templateProcess != null ? templateProcess.logRateLimit() : -1;
        Task task = runner.run(app, droplet, name != null ? name : randomName(), command, memoryMb, diskMb,
                logRateLimit, metadata);
        return V3Json.accepted(presenter.present(task));
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.present(task(request)));
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, List.of());
        List<ObjectNode> tasks = new Listing<Task>(query)
                .filter("names", Task::name)
                .filter("states", Task::state)
                .filter("app_guids", Task::appGuid)
                .filter("space_guids", task -> store.spaceGuidOfApp(task.appGuid()))
                .filter("organization_guids", task -> store.organizationGuidOfSpace(store.spaceGuidOfApp(task.appGuid())))
                .apply(store.tasks.all()).stream().map(task -> presenter.present(task, false)).toList();
        return V3Json.ok(PaginatedList.of(urls, PATH, query, tasks));
    }

    Response listForApp(Request request, SecurityContext security) {
        security.requireReader();
        String appGuid = store.app(request.pathParam("guid").orElseThrow()).guid();
        ListQuery query = ListQuery.parse(request.query(), APP_FILTERS, List.of());
        List<ObjectNode> tasks = new Listing<Task>(query)
                .filter("names", Task::name)
                .filter("states", Task::state)
                .filter("sequence_ids", task -> Integer.toString(task.sequenceId()))
                .apply(store.tasks.where(task -> task.appGuid().equals(appGuid))).stream()
                .map(presenter::present).toList();
        return V3Json.ok(PaginatedList.of(urls, "/v3/apps/" + appGuid + "/tasks", query, tasks));
    }

    Response update(Request request, SecurityContext security) {
        security.requireCaller();
        RequestMessage message = RequestMessage.of(request, "metadata");
        Task current = task(request);
        Metadata metadata = current.metadata().updatedBy(message);
        message.validate();
        security.requireWriter();
        Task updated = store.tasks.update(current.guid(), task -> task.withMetadata(metadata, store.now()))
                .orElseThrow(() -> CcError.notFound("Task"));
        return V3Json.ok(presenter.present(updated));
    }

    Response cancel(Request request, SecurityContext security) {
        Task task = task(request);
        security.requireWriter();
        return V3Json.accepted(presenter.present(runner.cancel(task)));
    }

    private Task task(Request request) {
        return store.task(request.pathParam("guid").orElseThrow());
    }

    /** CC names an unnamed task with 4 random bytes in hex. */
    private static String randomName() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
