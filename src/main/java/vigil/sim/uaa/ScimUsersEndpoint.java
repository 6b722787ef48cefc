package vigil.sim.uaa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * UAA's SCIM users: {@code POST /Users} (needs scim.write or scim.create), {@code GET /Users} with a
 * {@code userName eq "x"} filter, {@code GET /Users/:id} (scim.read) and {@code DELETE /Users/:id}
 * (scim.write). New users get UAA's default groups and can log in at once with the password grant.
 *
 * <pre>{@code
 * POST /Users {"userName":"dev","password":"s3cret","emails":[{"value":"dev@example.com"}]}
 * -> 201 {"id":"...","meta":{...},"userName":"dev",...}
 * }</pre>
 */
final class ScimUsersEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WRITE_SCOPES = List.of("scim.write", "scim.create", "uaa.admin");
    private static final List<String> READ_SCOPES = List.of("scim.read", "uaa.admin");
    private static final Pattern USER_NAME_FILTER =
            Pattern.compile("(?i)^\\s*userName\\s+eq\\s+[\"']([^\"']*)[\"']\\s*$");
    private static final DateTimeFormatter META_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    /** What SCIM shows of a user besides what logging in needs. */
    private record Profile(String givenName, String familyName, Instant created) {
    }

    private final IdentityZone zone;
    private final BearerTokenReader tokens;
    private final Clock clock;
    private final Map<String, Profile> profiles = new ConcurrentHashMap<>();

    ScimUsersEndpoint(IdentityZone zone, BearerTokenReader tokens, Clock clock) {
        this.zone = zone;
        this.tokens = tokens;
        this.clock = clock;
    }

    Response create(Request request) {
        tokens.require(request.header("Authorization"), WRITE_SCOPES);
        JsonNode body = body(request);
        String userName = body.path("userName").asText("").trim();
        if (userName.isEmpty()) {
            throw OAuthError.invalidScimResource("A username must be provided.");
        }
        String password = body.path("password").asText("");
        String email = body.path("emails").path(0).path("value").asText(userName.contains("@") ? userName : null);
        if (email == null || email.isBlank()) {
            throw OAuthError.invalidScimResource("An email must be provided.");
        }
        UaaUser user = zone.addUser(userName, password, email).orElse(null);
        if (user == null) {
            return alreadyExists(zone.userByName(userName).orElseThrow());
        }
        Profile profile = new Profile(body.path("name").path("givenName").asText(null),
                body.path("name").path("familyName").asText(null), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        profiles.put(user.id(), profile);
        return Response.json(201, UaaHandler.JSON, present(user));
    }

    Response list(Request request) {
        tokens.require(request.header("Authorization"), READ_SCOPES);
        String filter = request.query().get("filter");
        List<UaaUser> users = zone.users();
        if (filter != null && !filter.isBlank()) {
            Matcher matcher = USER_NAME_FILTER.matcher(filter);
            if (!matcher.matches()) {
                // The sim understands only the filter clients use to find one user.
                throw OAuthError.invalidRequest("Invalid filter expression: [" + filter + "]");
            }
            users = users.stream().filter(user -> user.userName().equalsIgnoreCase(matcher.group(1))).toList();
        }
        ObjectNode page = JsonWriter.object();
        ArrayNode resources = page.putArray("resources");
        users.forEach(user -> resources.add(present(user)));
        page.put("startIndex", 1);
        page.put("itemsPerPage", 100);
        page.put("totalResults", users.size());
        page.putArray("schemas").add("urn:scim:schemas:core:1.0");
        return Response.json(200, UaaHandler.JSON, page);
    }

    Response get(Request request) {
        tokens.require(request.header("Authorization"), READ_SCOPES);
        return Response.json(200, UaaHandler.JSON, present(user(request)));
    }

    Response delete(Request request) {
        tokens.require(request.header("Authorization"), WRITE_SCOPES);
        UaaUser user = user(request);
        zone.removeUser(user.id());
        ObjectNode presented = present(user);
        profiles.remove(user.id());
        return Response.json(200, UaaHandler.JSON, presented);
    }

    private UaaUser user(Request request) {
        String id = request.pathParam("id").orElseThrow();
        return zone.userById(id).orElseThrow(() -> OAuthError.scimNotFound("User " + id + " does not exist"));
    }

    /** UAA's answer to a taken user name: 409 with the existing user's id, which CC reads. */
    private static Response alreadyExists(UaaUser existing) {
        String text = "Username already in use: " + existing.userName();
        ObjectNode body = JsonWriter.object()
                .put("error_description", text)
                .put("error", "scim_resource_already_exists")
                .put("message", text)
                .put("user_id", existing.id());
        return Response.json(409, UaaHandler.JSON, body);
    }

    /** A SCIM 1.0 user as UAA renders it; the password never appears. */
    private ObjectNode present(UaaUser user) {
        Profile profile = profiles.computeIfAbsent(user.id(),
                id -> new Profile(null, null, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        ObjectNode node = JsonWriter.object();
        node.put("id", user.id());
        node.put("externalId", "");
        ObjectNode meta = node.putObject("meta");
        meta.put("version", 0);
        meta.put("created", META_TIME.format(profile.created()));
        meta.put("lastModified", META_TIME.format(profile.created()));
        node.put("userName", user.userName());
        ObjectNode name = node.putObject("name");
        if (profile.familyName() != null) {
            name.put("familyName", profile.familyName());
        }
        if (profile.givenName() != null) {
            name.put("givenName", profile.givenName());
        }
        node.putArray("emails").addObject().put("value", user.email()).put("primary", false);
        ArrayNode groups = node.putArray("groups");
        user.groups().forEach(group -> groups.addObject().put("value", group).put("display", group).put("type", "DIRECT"));
        node.putArray("approvals");
        node.put("active", true);
        node.put("verified", true);
        node.put("origin", user.origin());
        node.put("zoneId", IdentityZone.ID);
        node.put("passwordLastModified", META_TIME.format(profile.created()));
        node.putArray("schemas").add("urn:scim:schemas:core:1.0");
        return node;
    }

    private static JsonNode body(Request request) {
        try {
            JsonNode body = JSON.readTree(request.body());
            if (body == null || !body.isObject()) {
                throw OAuthError.invalidScimResource("Cannot read the user: expected a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw OAuthError.invalidScimResource("Cannot read the user: invalid JSON");
        } catch (IOException e) {
            throw OAuthError.invalidScimResource("Cannot read the user");
        }
    }
}
