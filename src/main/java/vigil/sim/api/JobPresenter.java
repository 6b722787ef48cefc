package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;

/** A job in CC's field order; it links to its resource while that still exists. */
final class JobPresenter {

    private final ApiUrlBuilder urls;
    private final CcRepositories store;

    JobPresenter(ApiUrlBuilder urls, CcRepositories store) {
        this.urls = urls;
        this.store = store;
    }

    ObjectNode present(Job job) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", job.guid());
        node.put("created_at", CcTimestamp.format(job.createdAt()));
        node.put("updated_at", CcTimestamp.format(job.updatedAt()));
        node.put("operation", job.operation());
        node.put("state", job.state());
        ArrayNode errors = node.putArray("errors");
        job.errors().forEach(error -> errors.addObject()
                .put("detail", error.detail())
                .put("title", error.error().title())
                .put("code", error.error().code()));
        node.putArray("warnings");
        Links links = Links.of(node, urls).add("self", "/v3/jobs/" + job.guid());
        if (store.exists(job.resourceType(), job.resourceGuid())) {
            links.add(job.resourceType(), "/v3/" + job.resourceType() + "s/" + job.resourceGuid());
        }
        return node;
    }
}
