package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;

/** A bits package in CC's field order; {@code data.checksum} is null until the bits are READY. */
final class PackagePresenter {

    private final ApiUrlBuilder urls;

    PackagePresenter(ApiUrlBuilder urls) {
        this.urls = urls;
    }

    ObjectNode present(BitsPackage pkg) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", pkg.guid());
        node.put("created_at", CcTimestamp.format(pkg.createdAt()));
        node.put("updated_at", CcTimestamp.format(pkg.updatedAt()));
        node.put("type", "bits");
        ObjectNode data = node.putObject("data");
        data.put("error", pkg.error());
        if (pkg.sha256() == null) {
            data.putNull("checksum");
        } else {
            data.putObject("checksum").put("type", "sha256").put("value", pkg.sha256());
        }
        node.put("state", pkg.state());
        node.putObject("relationships").putObject("app").putObject("data").put("guid", pkg.appGuid());
        node.set("metadata", pkg.metadata().present());
        String self = "/v3/packages/" + pkg.guid();
        Links.of(node, urls)
             .add("self", self)
             .add("upload", self + "/upload", "POST")
             .add("download", self + "/download")
             .add("app", "/v3/apps/" + pkg.appGuid());
        return node;
    }
}
