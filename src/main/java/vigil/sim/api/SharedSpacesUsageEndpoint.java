package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code GET /v3/service_instances/:guid/relationships/shared_spaces/usage_summary}: for each space the
 * instance is shared into, how many of that space's apps are bound to it. Readable by whoever may read the
 * instance, users of its shared spaces included ({@link AccessControl}).
 */
final class SharedSpacesUsageEndpoint {

    private final ApiUrlBuilder urls;
    private final CcRepositories store;

    SharedSpacesUsageEndpoint(ApiUrlBuilder urls, CcRepositories store) {
        this.urls = urls;
        this.store = store;
    }

    Response summary(Request request, SecurityContext security) {
        security.requireReader();
        ServiceInstance instance = store.serviceInstances.get(request.pathParam("guid").orElseThrow())
                .orElseThrow(() -> CcError.notFound("Service instance"));
        ObjectNode document = JsonWriter.object();
        ArrayNode usage = document.putArray("usage_summary");
        for (String space : instance.sharedSpaceGuids()) {
            long bound = store.serviceBindings.where(binding -> binding.serviceInstanceGuid().equals(instance.guid())
                    && binding.appGuid() != null && space.equals(store.spaceGuidOfApp(binding.appGuid()))).size();
            ObjectNode entry = usage.addObject();
            entry.putObject("space").put("guid", space);
            entry.put("bound_app_count", bound);
        }
        String self = "/v3/service_instances/" + instance.guid();
        ObjectNode links = document.putObject("links");
        links.putObject("self").put("href", urls.url(self + "/relationships/shared_spaces/usage_summary"));
        links.putObject("shared_spaces").put("href", urls.url(self + "/relationships/shared_spaces"));
        links.putObject("service_instance").put("href", urls.url(self));
        return V3Json.ok(document);
    }
}
