package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * CC's revisions: {@code GET /v3/apps/:guid/revisions} (filter {@code versions}), {@code .../revisions/deployed}
 * (the revision the started app's processes run), {@code GET/PATCH /v3/revisions/:guid} and
 * {@code GET /v3/revisions/:guid/environment_variables}. Deploying one back is {@code POST /v3/deployments} with
 * {@code revision.guid} ({@link DeploymentsEndpoint}).
 */
final class RevisionsEndpoint {

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final Revisions revisions;

    RevisionsEndpoint(ApiUrlBuilder urls, CcRepositories store, Revisions revisions) {
        this.urls = urls;
        this.store = store;
        this.revisions = revisions;
    }

    Response listForApp(Request request, SecurityContext security) {
        security.requireReader();
        App app = store.app(request.pathParam("guid").orElseThrow());
        ListQuery query = ListQuery.parse(request.query(), List.of("versions", "label_selector"), List.of());
        List<ObjectNode> all = new Listing<Revision>(query)
                .filter("versions", revision -> Integer.toString(revision.version()))
                .apply(revisions.of(app.guid())).stream().map(this::present).toList();
        return V3Json.ok(PaginatedList.of(urls, "/v3/apps/" + app.guid() + "/revisions", query, all));
    }

    Response deployedForApp(Request request, SecurityContext security) {
        security.requireReader();
        App app = store.app(request.pathParam("guid").orElseThrow());
        ListQuery query = ListQuery.parse(request.query(), List.of(), List.of());
        String deployed = app.started() ? store.deployedRevisions.get(app.guid()) : null;
        List<ObjectNode> all = deployed == null ? List.of()
                : store.revisions.get(deployed).map(this::present).stream().toList();
        return V3Json.ok(PaginatedList.of(urls, "/v3/apps/" + app.guid() + "/revisions/deployed", query, all));
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(present(revision(request)));
    }

    Response update(Request request, SecurityContext security) {
        Revision current = revision(request);
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "metadata");
        Metadata metadata = current.metadata().updatedBy(message);
        message.validate();
        Revision updated = store.revisions.update(current.guid(), r -> r.withMetadata(metadata, store.now()))
                .orElseThrow(() -> CcError.notFound("Revision"));
        return V3Json.ok(present(updated));
    }

    /** The revision's environment variables: a secret, as the app's own are. */
    Response environmentVariables(Request request, SecurityContext security) {
        Revision revision = revision(request);
        security.requireWriter();
        ObjectNode node = JsonWriter.object();
        node.set("var", revision.environmentVariables());
        Links.of(node, urls)
                .add("self", "/v3/revisions/" + revision.guid() + "/environment_variables")
                .add("revision", "/v3/revisions/" + revision.guid());
        return V3Json.ok(node);
    }

    /** The app's {@code revisions} feature, which the embedded CF keeps on for every app (CC's default for new apps). */
    Response appFeature(Request request, SecurityContext security) {
        security.requireReader();
        store.app(request.pathParam("guid").orElseThrow());
        ObjectNode node = JsonWriter.object();
        node.put("name", "revisions");
        node.put("description", "Enable versioning of an application");
        node.put("enabled", true);
        return V3Json.ok(node);
    }

    ObjectNode present(Revision revision) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", revision.guid());
        node.put("version", revision.version());
        node.putObject("droplet").put("guid", revision.dropletGuid());
        ObjectNode processes = node.putObject("processes");
        revision.commands().forEach((type, command) -> processes.putObject(type).put("command", command));
        ArrayNode sidecars = node.putArray("sidecars");
        revision.sidecars().forEach(sidecar -> {
            ObjectNode snapshot = sidecars.addObject();
            snapshot.put("name", sidecar.name());
            snapshot.put("command", sidecar.command());
            ArrayNode types = snapshot.putArray("process_types");
            sidecar.processTypes().forEach(types::add);
            snapshot.put("memory_in_mb", sidecar.memoryMb());
        });
        node.put("description", revision.description());
        node.put("deployable", revisions.deployable(revision));
        Relationships.toOne(node.putObject("relationships"), "app", revision.appGuid());
        node.put("created_at", CcTimestamp.format(revision.createdAt()));
        node.put("updated_at", CcTimestamp.format(revision.updatedAt()));
        node.set("metadata", revision.metadata().present());
        Links.of(node, urls)
                .add("self", "/v3/revisions/" + revision.guid())
                .add("app", "/v3/apps/" + revision.appGuid())
                .add("environment_variables", "/v3/revisions/" + revision.guid() + "/environment_variables");
        return node;
    }

    private Revision revision(Request request) {
        return store.revisions.get(request.pathParam("guid").orElseThrow())
                .orElseThrow(() -> CcError.notFound("Revision"));
    }

    /** CC deletes an app's revisions with the app. */
    void deleteFor(String appGuid) {
        store.revisions.where(r -> r.appGuid().equals(appGuid)).forEach(r -> store.revisions.remove(r.guid()));
        store.deployedRevisions.remove(appGuid);
    }
}
