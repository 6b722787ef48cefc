package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;

/** A build in CC's field order; {@code droplet} and its link appear once staging produced one. */
final class BuildPresenter {

    private final ApiUrlBuilder urls;

    BuildPresenter(ApiUrlBuilder urls) {
        this.urls = urls;
    }

    ObjectNode present(Build build) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", build.guid());
        node.put("created_at", CcTimestamp.format(build.createdAt()));
        node.put("updated_at", CcTimestamp.format(build.updatedAt()));
        node.put("state", build.state());
        node.put("staging_memory_in_mb", build.stagingMemoryMb());
        node.put("staging_disk_in_mb", build.stagingDiskMb());
        node.put("staging_log_rate_limit_bytes_per_second", build.stagingLogRateLimit());
        node.put("error", build.error());
        node.set("lifecycle", AppPresenter.lifecycle(build.buildpacks(), build.stack()));
        node.putObject("package").put("guid", build.packageGuid());
        if (build.dropletGuid() == null) {
            node.putNull("droplet");
        } else {
            node.putObject("droplet").put("guid", build.dropletGuid());
        }
        ObjectNode createdBy = node.putObject("created_by");
        createdBy.put("guid", build.createdBy().guid());
        createdBy.put("name", build.createdBy().userName() == null ? "" : build.createdBy().userName());
        createdBy.put("email", "");
        node.putObject("relationships").putObject("app").putObject("data").put("guid", build.appGuid());
        node.set("metadata", build.metadata().present());
        Links links = Links.of(node, urls)
                .add("self", "/v3/builds/" + build.guid())
                .add("app", "/v3/apps/" + build.appGuid());
        if (build.dropletGuid() != null) {
            links.add("droplet", "/v3/droplets/" + build.dropletGuid());
        }
        return node;
    }
}
