package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;

/**
 * A deployment in CC's field order: no top-level {@code state}; {@code status} with value, reason and
 * details; {@code options} with the scaling options only when given; {@code revision} with guid and version of
 * the revision it deploys (null when there is none); a {@code cancel} link while the deployment can be
 * cancelled, a {@code continue} link while it is paused.
 */
final class DeploymentPresenter {

    private final ApiUrlBuilder urls;
    private final CcRepositories store;

    DeploymentPresenter(ApiUrlBuilder urls, CcRepositories store) {
        this.urls = urls;
        this.store = store;
    }

    ObjectNode present(Deployment deployment) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", deployment.guid());
        node.put("created_at", CcTimestamp.format(deployment.createdAt()));
        node.put("updated_at", CcTimestamp.format(deployment.updatedAt()));
        ObjectNode status = node.putObject("status");
        status.put("value", deployment.statusValue());
        status.put("reason", deployment.statusReason());
        ObjectNode details = status.putObject("details");
        details.put("last_successful_healthcheck", CcTimestamp.format(deployment.lastHealthyAt()));
        details.put("last_status_change", CcTimestamp.format(deployment.statusUpdatedAt()));
        node.put("strategy", deployment.strategy());
        ObjectNode options = node.putObject("options");
        options.put("max_in_flight", deployment.maxInFlight());
        if (deployment.webInstances() != null) {
            options.put("web_instances", deployment.webInstances());
        }
        if (deployment.memoryMb() != null) {
            options.put("memory_in_mb", deployment.memoryMb());
        }
        if (deployment.diskMb() != null) {
            options.put("disk_in_mb", deployment.diskMb());
        }
        if (deployment.logRateLimit() != null) {
            options.put("log_rate_limit_in_bytes_per_second", deployment.logRateLimit());
        }
        node.putObject("droplet").put("guid", deployment.dropletGuid());
        node.putObject("previous_droplet").put("guid", deployment.previousDropletGuid());
        if (deployment.processGuid() == null) {
            node.putArray("new_processes");
        } else {
            node.putArray("new_processes").addObject().put("guid", deployment.processGuid()).put("type", AppProcess.WEB);
        }
        Revision revision = deployment.revisionGuid() == null ? null
                : store.revisions.get(deployment.revisionGuid()).orElse(null);
        if (revision == null) {
            node.putNull("revision");
        } else {
            node.putObject("revision").put("guid", revision.guid()).put("version", revision.version());
        }
        Relationships.toOne(node.putObject("relationships"), "app", deployment.appGuid());
        node.set("metadata", deployment.metadata().present());
        Links links = Links.of(node, urls)
                .add("self", "/v3/deployments/" + deployment.guid())
                .add("app", "/v3/apps/" + deployment.appGuid());
        if (deployment.cancelable()) {
            links.add("cancel", "/v3/deployments/" + deployment.guid() + "/actions/cancel", "POST");
        }
        if (deployment.continuable()) {
            links.add("continue", "/v3/deployments/" + deployment.guid() + "/actions/continue", "POST");
        }
        return node;
    }
}
