package vigil.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import vigil.sim.HttpProbe.Reply;

/** Users for authorization tests: SCIM create and delete at the fixture's UAA, password logins, CC roles. */
final class SimUsers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CcFixture cc;
    private final HttpProbe probe = new HttpProbe();

    SimUsers(CcFixture cc) {
        this.cc = cc;
    }

    Reply scimCreate(String userName, String password, String token) {
        String body = "{\"userName\":\"" + userName + "\",\"password\":\"" + password + "\",\"emails\":[{\"value\":\""
                + userName + "@example.com\"}],\"name\":{\"givenName\":\"Given\",\"familyName\":\"Family\"}}";
        return exchange(HttpRequest.newBuilder(cc.uaa.uri().resolve("/Users")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Reply scim(String method, String path, String token) {
        return exchange(HttpRequest.newBuilder(cc.uaa.uri().resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Creates a UAA user and its CC user; returns the guid. */
    String create(String userName, String password) {
        Reply created = scimCreate(userName, password, cc.token(""));
        if (created.status() != 201) {
            throw new AssertionError("SCIM create failed: " + created.raw().body());
        }
        String guid = created.json().get("id").asText();
        Reply ccUser = cc.post("/v3/users", "{\"guid\":\"" + guid + "\"}");
        if (ccUser.status() != 201) {
            throw new AssertionError("CC user create failed: " + ccUser.raw().body());
        }
        return guid;
    }

    Reply login(String userName, String password) {
        return probe.postForm(cc.uaa.uri().resolve("/oauth/token"),
                Map.of("grant_type", "password", "username", userName, "password", password), "cf", "");
    }

    String token(String userName, String password) {
        Reply reply = login(userName, password);
        if (reply.status() != 200) {
            throw new AssertionError("login failed: " + reply.raw().body());
        }
        return reply.json().get("access_token").asText();
    }

    Reply assign(String type, String userGuid, String target, String targetGuid) {
        return cc.post("/v3/roles", "{\"type\":\"" + type + "\",\"relationships\":{\"user\":{\"data\":{\"guid\":\"" + userGuid
                + "\"}},\"" + target + "\":{\"data\":{\"guid\":\"" + targetGuid + "\"}}}}");
    }

    /** Gives the user a role in the organization (needed first) and the space role. Returns the space role's guid. */
    String spaceRole(String type, String userGuid, String orgGuid, String spaceGuid) {
        Reply org = assign("organization_user", userGuid, "organization", orgGuid);
        if (org.status() != 201 && org.status() != 422) {
            throw new AssertionError("org role failed: " + org.raw().body());
        }
        Reply space = assign(type, userGuid, "space", spaceGuid);
        if (space.status() != 201) {
            throw new AssertionError("space role failed: " + space.raw().body());
        }
        return space.json().get("guid").asText();
    }

    Reply yaml(String path, String yaml, String contentType) {
        return exchange(HttpRequest.newBuilder(URI.create(cc.api + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "bearer " + cc.token("")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(yaml)).build());
    }

    /** A GET as the admin whose body may be YAML (left unparsed). */
    Reply raw(String path) {
        return exchange(HttpRequest.newBuilder(URI.create(cc.api + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "bearer " + cc.token("")).GET().build());
    }

    private static Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body == null || body.isEmpty() || !body.trim().startsWith("{") ? null : JSON.readTree(body);
            return new Reply(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
