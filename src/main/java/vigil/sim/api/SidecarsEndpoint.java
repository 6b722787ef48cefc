package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * CC's sidecars: {@code POST/GET /v3/apps/:guid/sidecars}, {@code GET /v3/processes/:guid/sidecars} and
 * {@code GET/PATCH/DELETE /v3/sidecars/:guid}, with CC's validation messages. A sidecar runs beside each instance
 * of its process types from the next start, restart or deployment on, as in CC (instances running already keep
 * what they run).
 */
final class SidecarsEndpoint {

    private final ApiUrlBuilder urls;
    private final CcRepositories store;

    SidecarsEndpoint(ApiUrlBuilder urls, CcRepositories store) {
        this.urls = urls;
        this.store = store;
    }

    Response create(Request request, SecurityContext security) {
        App app = store.app(request.pathParam("guid").orElseThrow());
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "name", "command", "process_types", "memory_in_mb");
        String name = message.requiredString("name", "Name");
        String command = message.requiredString("command", "Command");
        List<String> types = processTypes(message, true);
        Integer memory = message.optionalInteger("memory_in_mb", "Memory in mb", 0, false).orElse(null);
        message.validate();
        Sidecar sidecar = new Sidecar(CcRepositories.newGuid(), app.guid(), name, command, types, memory, "user",
                store.now(), store.now());
        if (!store.sidecars.addUnless(sidecar, other -> other.appGuid().equals(app.guid()) && other.name().equals(name))) {
            throw CcError.unprocessable("Sidecar with name '" + name + "' already exists for given app");
        }
        return V3Json.created(present(sidecar));
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(present(sidecar(request)));
    }

    Response update(Request request, SecurityContext security) {
        Sidecar current = sidecar(request);
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "name", "command", "process_types", "memory_in_mb");
        String name = message.has("name") ? message.requiredString("name", "Name") : current.name();
        String command = message.has("command") ? message.requiredString("command", "Command") : current.command();
        List<String> types = message.has("process_types") ? processTypes(message, true) : current.processTypes();
        Integer memory = message.has("memory_in_mb")
                ? message.optionalInteger("memory_in_mb", "Memory in mb", 0, false).orElse(null) : current.memoryMb();
        message.validate();
        Sidecar updated = store.sidecars.update(current.guid(), s -> s.updated(name, command, types, memory, store.now()))
                .orElseThrow(() -> CcError.notFound("Sidecar"));
        return V3Json.ok(present(updated));
    }

    Response delete(Request request, SecurityContext security) {
        Sidecar sidecar = sidecar(request);
        security.requireWriter();
        store.sidecars.remove(sidecar.guid());
        return V3Json.noContent();
    }

    Response listForApp(Request request, SecurityContext security) {
        security.requireReader();
        App app = store.app(request.pathParam("guid").orElseThrow());
        return list(request, "/v3/apps/" + app.guid() + "/sidecars",
                store.sidecars.where(s -> s.appGuid().equals(app.guid())));
    }

    Response listForProcess(Request request, SecurityContext security) {
        security.requireReader();
        AppProcess process = store.process(request.pathParam("guid").orElseThrow());
        return list(request, "/v3/processes/" + process.guid() + "/sidecars", store.sidecars.where(
                s -> s.appGuid().equals(process.appGuid()) && s.processTypes().contains(process.type())));
    }

    private Response list(Request request, String path, List<Sidecar> sidecars) {
        ListQuery query = ListQuery.parse(request.query(), List.of(), List.of());
        return V3Json.ok(PaginatedList.of(urls, path, query,
                new Listing<Sidecar>(query).apply(sidecars).stream().map(this::present).toList()));
    }

    private static List<String> processTypes(RequestMessage message, boolean required) {
        JsonNode value = message.body().get("process_types");
        List<String> types = new ArrayList<>();
        if (value == null || value.isNull()) {
            if (required) {
                message.problem("Process types must have at least 1 process_type");
            }
            return types;
        }
        if (!value.isArray()) {
            message.problem("Process types must be an array");
            return types;
        }
        value.forEach(type -> {
            if (!type.isTextual() || type.asText().isBlank()) {
                message.problem("Process types must be a list of process type names");
            } else {
                types.add(type.asText());
            }
        });
        if (types.isEmpty() && required) {
            message.problem("Process types must have at least 1 process_type");
        }
        return types;
    }

    ObjectNode present(Sidecar sidecar) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", sidecar.guid());
        node.put("name", sidecar.name());
        node.put("command", sidecar.command());
        ArrayNode types = node.putArray("process_types");
        sidecar.processTypes().forEach(types::add);
        node.put("memory_in_mb", sidecar.memoryMb());
        node.put("origin", sidecar.origin());
        Relationships.toOne(node.putObject("relationships"), "app", sidecar.appGuid());
        node.put("created_at", CcTimestamp.format(sidecar.createdAt()));
        node.put("updated_at", CcTimestamp.format(sidecar.updatedAt()));
        return node;
    }

    private Sidecar sidecar(Request request) {
        return store.sidecars.get(request.pathParam("guid").orElseThrow())
                .orElseThrow(() -> CcError.notFound("Sidecar"));
    }

    /** CC deletes an app's sidecars with the app. */
    void deleteFor(String appGuid) {
        store.sidecars.where(s -> s.appGuid().equals(appGuid)).forEach(s -> store.sidecars.remove(s.guid()));
    }
}
