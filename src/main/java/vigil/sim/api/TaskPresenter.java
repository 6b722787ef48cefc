package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;

/**
 * A task in CC's field order. {@code command} is a secret: CC leaves it out of {@code GET /v3/tasks} and
 * for callers who may not read the space's secrets.
 */
final class TaskPresenter {

    private final ApiUrlBuilder urls;

    TaskPresenter(ApiUrlBuilder urls) {
        this.urls = urls;
    }

    ObjectNode present(Task task) {
        return present(task, true);
    }

    ObjectNode present(Task task, boolean showCommand) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", task.guid());
        node.put("created_at", CcTimestamp.format(task.createdAt()));
        node.put("updated_at", CcTimestamp.format(task.updatedAt()));
        node.put("sequence_id", task.sequenceId());
        node.put("name", task.name());
        if (showCommand) {
            node.put("command", task.command());
        }
        // CC presents the droplet's run-action user, vcap for buildpack droplets.
        node.put("user", "vcap");
        node.put("state", task.state());
        node.put("memory_in_mb", task.memoryMb());
        node.put("disk_in_mb", task.diskMb());
        node.put("log_rate_limit_in_bytes_per_second", task.logRateLimit());
        node.putObject("result").put("failure_reason", task.failureReason());
        node.put("droplet_guid", task.dropletGuid());
        Relationships.toOne(node.putObject("relationships"), "app", task.appGuid());
        node.set("metadata", task.metadata().present());
        Links.of(node, urls)
             .add("self", "/v3/tasks/" + task.guid())
             .add("app", "/v3/apps/" + task.appGuid())
             .add("cancel", "/v3/tasks/" + task.guid() + "/actions/cancel", "POST")
             .add("droplet", "/v3/droplets/" + task.dropletGuid());
        return node;
    }
}
