package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * Authorization for every {@code /v3} endpoint, in one place: the handler passes each request through
 * {@link #authorize} before the endpoint runs, so endpoints added later are covered too. Admins pass;
 * for anyone else the path names the resource ({@code /v3/KIND/GUID/...}) and {@link ResourceScopes} says
 * where it lives, and the caller's roles ({@link Access}) decide, with CC's answers:
 * <ul>
 *   <li>a resource the caller cannot see is 404 "App not found" (CC hides it), also for changes;</li>
 *   <li>a change the caller's role does not allow is 403 {@code CF-NotAuthorized};</li>
 *   <li>a create names its place in the body ({@code relationships.space}, {@code .app}, ...): an invisible
 *       one is the endpoint's own 422 ("Invalid space. Ensure that the space exists and you have access to it."),
 *       a visible one without the role 403; creating organizations and users is for admins only;</li>
 *   <li>lists ({@code GET /v3/KIND}) keep only visible resources, paginated afresh.</li>
 * </ul>
 * Unauthenticated requests pass untouched: the endpoints answer them 401 themselves.
 *
 * <p>Test-only fault: {@link #skip(boolean)} (or the system property {@value #SKIP_PROPERTY}{@code =true}
 * when the controller starts) turns the check off, so every caller is treated as an admin. It exists so
 * tests can show that an isolation scenario fails when CF does not isolate; never use it otherwise.
 */
final class AccessControl {

    /** System property read at start: {@code true} switches authorization off (test-only fault). */
    static final String SKIP_PROPERTY = "vigil.sim.test.skipAuthorization";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Paths under /v3 that need no resource check. */
    private static final Set<String> OPEN_KINDS = Set.of("info", "resource_matches");
    /** Reads that show secrets: CC allows them to admins, read-only admins and space developers only. */
    private static final Set<String> SECRET_READS = Set.of("env", "environment_variables", "credentials", "details",
            "manifest", "parameters");
    /** Relationship names in a create body that place the new resource, with the kind each points to. */
    private static final Map<String, String> PLACING_RELATIONSHIPS = Map.of(
            "space", "spaces", "app", "apps", "service_instance", "service_instances",
            "package", "packages", "droplet", "droplets");
    /** CC's 422 texts for a create that points at something the caller cannot see, by "kind/relationship". */
    private static final Map<String, String> INVISIBLE_TARGET = Map.of(
            "apps/space", "Invalid space. Ensure that the space exists and you have access to it.",
            "routes/space", "Invalid space. Ensure that the space exists and you have access to it.",
            "service_instances/space", "Invalid space. Ensure that the space exists and you have access to it.",
            "packages/app", "App is invalid. Ensure it exists and you have access to it.",
            "builds/package", "Unable to use package. Ensure that the package exists and you have access to it.",
            "service_credential_bindings/app", "The app could not be found: '%s'",
            "service_credential_bindings/service_instance", "The service instance could not be found: '%s'");
    private static final int ALL = ListQuery.MAX_PER_PAGE;

    private final CcRepositories store;
    private final ResourceScopes scopes;
    private final ApiUrlBuilder urls;
    private volatile boolean skipped = Boolean.getBoolean(SKIP_PROPERTY);

    AccessControl(CcRepositories store, ResourceScopes scopes, ApiUrlBuilder urls) {
        this.store = store;
        this.scopes = scopes;
        this.urls = urls;
    }

    /** Test-only fault: true treats every caller as an admin. */
    void skip(boolean skip) {
        this.skipped = skip;
    }

    boolean skipped() {
        return skipped;
    }

    Response authorize(Request request, SecurityContext security, CcEndpoint endpoint) {
        Optional<Caller> caller = security.caller();
        String[] segments = segments(request.path());
        if (skipped || caller.isEmpty() || caller.get().isAdmin() || segments.length < 2 || !"v3".equals(segments[0])
                || OPEN_KINDS.contains(segments[1])) {
            return endpoint.handle(request, security);
        }
        boolean read = "GET".equals(request.method()) || "HEAD".equals(request.method());
        if (read && caller.get().canRead() && !caller.get().scopes().contains("cloud_controller.read")) {
            // Read-only admins and global auditors read everything; they hold no plain read scope.
            return endpoint.handle(request, security);
        }
        Access access = Access.of(caller.get().guid(), store);
        String kind = segments[1];
        if (segments.length == 2) {
            if (read) {
                return visibleOnly(kind, request, security, endpoint, access);
            }
            authorizeCreate(kind, request, access);
            return endpoint.handle(request, security);
        }
        authorizeExisting(kind, segments, request.method(), access);
        return endpoint.handle(request, security);
    }

    private void authorizeExisting(String kind, String[] segments, String method, Access access) {
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        String guid = segments[2];
        ResourceScopes.Lookup lookup = scopes.of(kind, guid);
        if (!lookup.exists()) {
            return; // the endpoint answers its own 404
        }
        ResourceScope scope = lookup.scope().orElse(null);
        boolean visible = scope != null && ("users".equals(kind) ? access.canSeeUser(guid)
                : access.canSee(scope) || seenThroughSharing(kind, guid, access));
        if (!visible) {
            throw CcError.notFound(resourceName(kind));
        }
        String last = segments[segments.length - 1];
        if (read) {
            if (segments.length > 3 && SECRET_READS.contains(last) && !access.isSpaceDeveloper(scope)) {
                // CC hides binding details like the binding itself; other secrets are refused.
                throw "details".equals(last) ? CcError.notFound(resourceName(kind)) : CcError.NOT_AUTHORIZED.raise();
            }
            return;
        }
        if (!mayChange(kind, method, segments, scope, access)) {
            throw CcError.NOT_AUTHORIZED.raise();
        }
    }

    /** CC's rules for changing an existing resource, by kind; a space's contents are its developers' to change. */
    private static boolean mayChange(String kind, String method, String[] segments, ResourceScope scope, Access access) {
        boolean onResourceItself = segments.length == 3;
        boolean delete = "DELETE".equals(method);
        return switch (kind) {
            case "organizations" -> onResourceItself && !delete && access.isOrganizationManager(scope.organizationGuid());
            // A space's features (ssh) are its managers' to change, as the space itself (CC's can_update_active_space?).
            case "spaces" -> !onResourceItself && !"features".equals(segments[3]) ? access.isSpaceDeveloper(scope)
                    : access.isOrganizationManager(scope.organizationGuid()) || (!delete && access.isSpaceManager(scope));
            case "roles" -> access.isOrganizationManager(scope.organizationGuid())
                    || (scope.inSpace() && access.isSpaceManager(scope));
            case "domains" -> !scope.global() && access.isOrganizationManager(scope.organizationGuid());
            case "users", "jobs" -> false;
            default -> access.isSpaceDeveloper(scope);
        };
    }

    private void authorizeCreate(String kind, Request request, Access access) {
        switch (kind) {
            case "organizations", "users" -> throw CcError.NOT_AUTHORIZED.raise();
            case "spaces" -> {
                ResourceScope org = target(kind, request, "organization", "organizations",
                        "Invalid organization. Ensure the organization exists and you have access to it.", access);
                if (org != null && !access.isOrganizationManager(org.organizationGuid())) {
                    throw CcError.NOT_AUTHORIZED.raise();
                }
            }
            case "domains" -> {
                ResourceScope org = target(kind, request, "organization", "organizations",
                        "Invalid organization. Ensure that the organization exists and you have access to it.", access);
                if (org == null || !access.isOrganizationManager(org.organizationGuid())) {
                    throw CcError.NOT_AUTHORIZED.raise();
                }
            }
            case "roles" -> {
                ResourceScope space = target(kind, request, "space", "spaces",
                        "Invalid space. Ensure that the space exists and you have access to it.", access);
                ResourceScope org = target(kind, request, "organization", "organizations",
                        "Invalid organization. Ensure that the organization exists and you have access to it.", access);
                boolean allowed = space != null
                        ? access.isOrganizationManager(space.organizationGuid()) || access.isSpaceManager(space)
                        : org != null && access.isOrganizationManager(org.organizationGuid());
                if (!allowed && (space != null || org != null)) {
                    throw CcError.NOT_AUTHORIZED.raise();
                }
            }
            default -> authorizeCreateInSpace(kind, request, access);
        }
    }

    /** Everything else is created in a space, by its developers, wherever the body points. */
    private void authorizeCreateInSpace(String kind, Request request, Access access) {
        JsonNode body = body(request);
        List<ResourceScope> places = new ArrayList<>();
        for (Map.Entry<String, String> relation : PLACING_RELATIONSHIPS.entrySet()) {
            String guid = body.path("relationships").path(relation.getKey()).path("data").path("guid").asText(null);
            if (guid == null) {
                guid = body.path(relation.getKey()).path("guid").asText(null); // builds: {"package": {"guid": ...}}
            }
            if (guid == null) {
                continue;
            }
            ResourceScopes.Lookup lookup = scopes.of(relation.getValue(), guid);
            if (!lookup.exists()) {
                continue; // the endpoint reports what does not exist
            }
            ResourceScope scope = lookup.scope().orElse(null);
            if (scope == null || !access.canSee(scope) && !seenThroughSharing(relation.getValue(), guid, access)) {
                throw CcError.unprocessable(invisibleTarget(kind, relation.getKey(), guid));
            }
            // CC: an app binding needs write access to the app's space only; the instance need only be readable
            // (it may be shared into the app's space). A key needs write access to the instance's own space.
            boolean readableSuffices = "service_credential_bindings".equals(kind) && "service_instance".equals(relation.getKey())
                    && "app".equals(body.path("type").asText(""));
            if (!readableSuffices) {
                places.add(scope);
            }
        }
        if (places.isEmpty() || !places.stream().allMatch(access::isSpaceDeveloper)) {
            throw CcError.NOT_AUTHORIZED.raise();
        }
    }

    /** The scope a create names through {@code relationships.NAME}; null when absent or not there. */
    private ResourceScope target(String kind, Request request, String relationship, String targetKind,
                                 String invisibleText, Access access) {
        String guid = body(request).path("relationships").path(relationship).path("data").path("guid").asText(null);
        if (guid == null) {
            return null;
        }
        ResourceScopes.Lookup lookup = scopes.of(targetKind, guid);
        if (!lookup.exists()) {
            return null;
        }
        ResourceScope scope = lookup.scope().orElseThrow();
        if (!access.canSee(scope)) {
            throw CcError.unprocessable(invisibleText);
        }
        return scope;
    }

    private static String invisibleTarget(String kind, String relationship, String guid) {
        String text = INVISIBLE_TARGET.get(kind + "/" + relationship);
        if (text != null) {
            return text.contains("%s") ? String.format(text, guid) : text;
        }
        String name = relationship.replace('_', ' ');
        return "Invalid " + name + ". Ensure that the " + name + " exists and you have access to it.";
    }

    /**
     * A list as the endpoint renders it, reduced to what the caller may see and paginated again with
     * the caller's page and per_page. The endpoint validates the query first, with its own messages.
     */
    private Response visibleOnly(String kind, Request request, SecurityContext security, CcEndpoint endpoint,
                                 Access access) {
        Response first = endpoint.handle(request, security);
        ObjectNode document = json(first);
        if (first.status() != 200 || document == null || !document.path("resources").isArray()) {
            return first;
        }
        List<JsonNode> all = new ArrayList<>();
        if (document.path("pagination").path("total_results").asLong() <= document.get("resources").size()) {
            document.get("resources").forEach(all::add);
        } else {
            all.addAll(everyResource(request, security, endpoint));
        }
        List<JsonNode> visible = all.stream().filter(resource -> visible(kind, resource, access)).toList();
        Map<String, String> query = request.query();
        String orderBy = query.getOrDefault("order_by", "").replaceFirst("^[+-]", "");
        ListQuery listQuery = ListQuery.parse(query, new ArrayList<>(query.keySet()),
                orderBy.isEmpty() ? List.of() : List.of(orderBy));
        ObjectNode page = PaginatedList.of(urls, pathWithoutSlash(request.path()), listQuery, visible);
        if (document.has("included")) {
            page.set("included", visibleIncluded(document.get("included"), access));
        }
        return V3Json.ok(page);
    }

    private List<JsonNode> everyResource(Request request, SecurityContext security, CcEndpoint endpoint) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            Map<String, String> query = new LinkedHashMap<>(request.query());
            query.put("page", Integer.toString(page));
            query.put("per_page", Integer.toString(ALL));
            String rawQuery = query.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            ObjectNode document = json(endpoint.handle(
                    new Request("GET", request.path(), rawQuery, Map.of(), new byte[0]), security));
            if (document == null) {
                return all;
            }
            document.path("resources").forEach(all::add);
            if (document.path("pagination").path("next").isNull() || document.path("pagination").path("next").isMissingNode()) {
                return all;
            }
        }
    }

    private boolean visible(String kind, JsonNode resource, Access access) {
        if ("users".equals(kind)) {
            return access.canSeeUser(resource.path("guid").asText(""));
        }
        return scopes.ofListed(kind, resource).scope().map(access::canSee).orElse(false)
                || seenThroughSharing(kind, resource.path("guid").asText(""), access);
    }

    /** A service instance shared into a space the caller sees is readable, not changeable (CC's can_read_service_instance?). */
    private boolean seenThroughSharing(String kind, String guid, Access access) {
        return scopes.sharedInto(kind, guid).stream().anyMatch(access::canSee);
    }

    private ObjectNode visibleIncluded(JsonNode included, Access access) {
        ObjectNode result = JSON.createObjectNode();
        included.fields().forEachRemaining(entry -> {
            ArrayNode kept = result.putArray(entry.getKey());
            entry.getValue().forEach(resource -> {
                if (visible(entry.getKey(), resource, access)) {
                    kept.add(resource);
                }
            });
        });
        return result;
    }

    /** CC's 404 text for a kind: "App not found", "Service instance not found". */
    static String resourceName(String kind) {
        String singular = switch (kind) {
            case "processes" -> "process";
            case "service_credential_bindings" -> "service_credential_binding";
            default -> kind.endsWith("s") ? kind.substring(0, kind.length() - 1) : kind;
        };
        String words = singular.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String[] segments(String path) {
        String trimmed = pathWithoutSlash(path);
        return (trimmed.startsWith("/") ? trimmed.substring(1) : trimmed).split("/");
    }

    private static String pathWithoutSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static ObjectNode json(Response response) {
        try {
            JsonNode node = response.body().length == 0 ? null : JSON.readTree(response.body());
            return node instanceof ObjectNode object ? object : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The create body as JSON; a body that is not JSON is the endpoint's to reject, so it reads as empty here. */
    private static JsonNode body(Request request) {
        try {
            JsonNode node = request.body().length == 0 ? null : JSON.readTree(request.body());
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
