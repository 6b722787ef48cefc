package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;

/**
 * A process in CC's field order. {@code command} is the user's or else the one the current droplet
 * detected; {@code health_check.data} always carries timeout, invocation_timeout and interval (null
 * when unset), plus endpoint for http checks; {@code readiness_health_check} likewise; {@code relationships.revision}
 * is the revision the started app runs, else null.
 */
final class ProcessPresenter {

    private final ApiUrlBuilder urls;
    private final CcRepositories store;

    ProcessPresenter(ApiUrlBuilder urls, CcRepositories store) {
        this.urls = urls;
        this.store = store;
    }

    ObjectNode present(AppProcess process) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", process.guid());
        node.put("created_at", CcTimestamp.format(process.createdAt()));
        node.put("updated_at", CcTimestamp.format(process.updatedAt()));
        node.put("version", process.version());
        node.put("type", process.type());
        node.put("command", command(process));
        node.put("user", "vcap");
        node.put("instances", process.instances());
        node.put("memory_in_mb", process.memoryMb());
        node.put("disk_in_mb", process.diskMb());
        node.put("log_rate_limit_in_bytes_per_second", process.logRateLimit());
        AppProcess.HealthCheckSpec check = process.healthCheck();
        ObjectNode healthCheck = node.putObject("health_check");
        healthCheck.put("type", check.type());
        ObjectNode data = healthCheck.putObject("data");
        data.put("timeout", check.timeout());
        data.put("invocation_timeout", check.invocationTimeout());
        data.put("interval", check.interval());
        if ("http".equals(check.type())) {
            data.put("endpoint", check.endpoint());
        }
        ReadinessChecks.present(node.putObject("readiness_health_check"), store.readinessChecks.get(process.guid())
                .orElse(ReadinessCheck.none(process.guid(), process.createdAt())));
        ObjectNode relationships = node.putObject("relationships");
        Relationships.toOne(relationships, "app", process.appGuid());
        String revision = store.apps.get(process.appGuid()).filter(App::started)
                .map(app -> store.deployedRevisions.get(app.guid())).orElse(null);
        if (revision == null) {
            relationships.putNull("revision");
        } else {
            Relationships.toOne(relationships, "revision", revision);
        }
        node.set("metadata", process.metadata().present());
        String self = "/v3/processes/" + process.guid();
        Links.of(node, urls)
             .add("self", self)
             .add("scale", self + "/actions/scale", "POST")
             .add("app", "/v3/apps/" + process.appGuid())
             .add("space", "/v3/spaces/" + store.spaceGuidOfApp(process.appGuid()))
             .add("stats", self + "/stats")
             .add("process_instances", self + "/process_instances");
        return node;
    }

    /** The user's command, else the droplet's detected one for this type (CC's specified_or_detected_command). */
    String command(AppProcess process) {
        if (process.command() != null) {
            return process.command();
        }
        return store.apps.get(process.appGuid())
                .map(App::dropletGuid)
                .flatMap(store.droplets::get)
                .map(droplet -> droplet.processTypes().get(process.type()))
                .orElse(null);
    }
}
