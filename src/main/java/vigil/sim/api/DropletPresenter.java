package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;

/** A droplet in CC's field order, with the buildpack receipt of the sim's Java buildpack. */
final class DropletPresenter {

    private final ApiUrlBuilder urls;

    DropletPresenter(ApiUrlBuilder urls) {
        this.urls = urls;
    }

    ObjectNode present(Droplet droplet) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", droplet.guid());
        node.put("created_at", CcTimestamp.format(droplet.createdAt()));
        node.put("updated_at", CcTimestamp.format(droplet.updatedAt()));
        node.put("state", droplet.state());
        node.put("error", droplet.error());
        ObjectNode lifecycle = node.putObject("lifecycle");
        lifecycle.put("type", "buildpack");
        lifecycle.putObject("data");
        if (droplet.sha256() == null) {
            node.putNull("checksum");
        } else {
            node.putObject("checksum").put("type", "sha256").put("value", droplet.sha256());
        }
        ObjectNode buildpack = node.putArray("buildpacks").addObject();
        buildpack.put("name", droplet.buildpack());
        buildpack.put("detect_output", "java");
        buildpack.put("buildpack_name", "java");
        buildpack.put("version", "sim");
        node.put("stack", droplet.stack());
        node.putNull("image");
        node.put("execution_metadata", droplet.executionMetadata());
        ObjectNode processTypes = node.putObject("process_types");
        droplet.processTypes().forEach(processTypes::put);
        node.putObject("relationships").putObject("app").putObject("data").put("guid", droplet.appGuid());
        node.set("metadata", droplet.metadata().present());
        Links links = Links.of(node, urls)
                .add("self", "/v3/droplets/" + droplet.guid())
                .add("app", "/v3/apps/" + droplet.appGuid())
                .add("assign_current_droplet", "/v3/apps/" + droplet.appGuid() + "/relationships/current_droplet", "PATCH");
        if (droplet.packageGuid() != null) {
            links.add("package", "/v3/packages/" + droplet.packageGuid());
        }
        if (Droplet.STAGED.equals(droplet.state())) {
            links.add("download", "/v3/droplets/" + droplet.guid() + "/download");
        }
        return node;
    }
}
