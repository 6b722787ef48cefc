package vigil.sim;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import vigil.sim.HttpProbe.Reply;
import vigil.testapp.TestAppJar;

/** A CF client of a running {@link Sim} over plain HTTP, as the admin: pushes Vigil's test app and reads it back. */
final class SimClient {

    /** A pushed app: its guid and the route host (reached through the router). */
    record PushedApp(String guid, String host) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Sim sim;
    private final String api;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SimClient(Sim sim) {
        this.sim = sim;
        this.api = sim.apiUrl().toString();
        this.token = new HttpProbe().adminAccessToken(sim);
    }

    String token() {
        return token;
    }

    Reply get(String path) {
        return send("GET", path, null, token);
    }

    Reply post(String path, String json) {
        return send("POST", path, json, token);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, token);
    }

    Reply send(String method, String path, String json, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "bearer " + bearer);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request.build());
    }

    /** Pushes the test app with the given instances and a route, starts it and waits until every instance runs. */
    PushedApp push(String name, int instances) throws IOException {
        String org = created(post("/v3/organizations", "{\"name\":\"" + name + "-org\"}"));
        String space = created(post("/v3/spaces", "{\"name\":\"" + name + "-space\",\"relationships\":{\"organization\":"
                + "{\"data\":{\"guid\":\"" + org + "\"}}}}"));
        String app = created(post("/v3/apps", "{\"name\":\"" + name + "\",\"relationships\":{\"space\":{\"data\":{\"guid\":\""
                + space + "\"}}}}"));
        String pkg = created(post("/v3/packages", "{\"type\":\"bits\",\"relationships\":{\"app\":{\"data\":{\"guid\":\""
                + app + "\"}}}}"));
        expect(upload(pkg, TestAppJar.bytes("v1")), 200, "upload");
        await("package ready").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/v3/packages/" + pkg).json().path("state").asText(), "READY"::equals);
        String build = created(post("/v3/builds", "{\"package\":{\"guid\":\"" + pkg + "\"}}"));
        JsonNode staged = await("staged").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/v3/builds/" + build).json(), b -> !b.path("state").asText().equals("STAGING"));
        String droplet = staged.at("/droplet/guid").asText();
        expect(send("PATCH", "/v3/apps/" + app + "/relationships/current_droplet",
                "{\"data\":{\"guid\":\"" + droplet + "\"}}", token), 200, "assign droplet");
        String domain = get("/v3/domains?names=" + sim.appsDomain()).json().at("/resources/0/guid").asText();
        String route = created(post("/v3/routes", "{\"host\":\"" + name + "\",\"relationships\":{\"space\":{\"data\":{\"guid\":\""
                + space + "\"}},\"domain\":{\"data\":{\"guid\":\"" + domain + "\"}}}}"));
        expect(post("/v3/routes/" + route + "/destinations", "{\"destinations\":[{\"app\":{\"guid\":\"" + app + "\"}}]}"),
                200, "map route");
        expect(post("/v3/apps/" + app + "/processes/web/actions/scale", "{\"instances\":" + instances + "}"), 202, "scale");
        expect(post("/v3/apps/" + app + "/actions/start", null), 200, "start");
        awaitRunning(app, instances, START_TIMEOUT);
        return new PushedApp(app, name + "." + sim.appsDomain());
    }

    /** The stats of the app's web process once every one of its instances is RUNNING. */
    List<JsonNode> awaitRunning(String app, int instances, Duration timeout) {
        return await("app " + app + " to run " + instances + " instances").atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> stats(app), list -> list.size() == instances
                        && list.stream().allMatch(stat -> stat.path("state").asText().equals("RUNNING")));
    }

    List<JsonNode> stats(String app) {
        JsonNode resources = get("/v3/apps/" + app + "/processes/web/stats").json().path("resources");
        return StreamSupport.stream(resources.spliterator(), false).toList();
    }

    private Reply upload(String packageGuid, byte[] bits) {
        String boundary = "vigil-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"bits\"; filename=\"app.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bits);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return exchange(HttpRequest.newBuilder(URI.create(api + "/v3/packages/" + packageGuid + "/upload"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private static String created(Reply reply) {
        expect(reply, 201, "create");
        return reply.json().get("guid").asText();
    }

    private static void expect(Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new AssertionError(what + " answered " + reply.status() + ": " + reply.raw().body());
        }
    }

    private Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body == null || body.isEmpty() ? null : JSON.readTree(body);
            return new Reply(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
