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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vigil.sim.HttpProbe.Reply;
import vigil.sim.api.CcFaults;
import vigil.sim.api.CloudController;
import vigil.sim.cells.AppRuntime;
import vigil.sim.uaa.Uaa;

/**
 * A Cloud Controller with a UAA and a fake runtime on free ports, and a client that speaks CC v3 JSON
 * over plain HTTP as any CF client would.
 */
final class CcFixture implements AutoCloseable {

    static final String APPS_DOMAIN = "apps.test.local";
    private static final ObjectMapper JSON = new ObjectMapper();

    final FakeAppRuntime runtime = new FakeAppRuntime();
    final Uaa uaa;
    final CloudController cc;
    final String api;
    private final URI uaaUri;
    private final String appsDomain;
    private final String password;
    private final HttpProbe probe = new HttpProbe();
    private final String adminToken;

    CcFixture(Path workDir) throws IOException {
        this(workDir, null, new CcFaults());
    }

    /** A CC on the given runtime (real cells) instead of {@link #runtime}, and with faults a test may switch on. */
    CcFixture(Path workDir, AppRuntime cells, CcFaults faults) throws IOException {
        password = "fixture-password-" + UUID.randomUUID();
        uaa = Uaa.start(0, password, Duration.ofSeconds(1200), Clock.systemUTC());
        cc = CloudController.start(0, uaa.uri(), uaa.issuer(), uaa.verificationKey(), Clock.systemUTC(),
                cells == null ? runtime : cells, APPS_DOMAIN, workDir, null, java.util.List.of(), faults);
        api = cc.uri().toString();
        uaaUri = uaa.uri();
        appsDomain = APPS_DOMAIN;
        adminToken = token("");
    }

    /** The same client against a whole embedded CF (real cells and router); closing it leaves the Sim running. */
    private CcFixture(Sim sim) {
        password = sim.adminPassword();
        uaa = null;
        cc = null;
        api = sim.apiUrl().toString();
        uaaUri = sim.uaaUrl();
        appsDomain = sim.appsDomain();
        adminToken = token("");
    }

    static CcFixture against(Sim sim) {
        return new CcFixture(sim);
    }

    /** A password-grant token of the admin user, narrowed to the given scopes ("" for all). */
    String token(String scope) {
        Map<String, String> form = scope.isEmpty()
                ? Map.of("grant_type", "password", "username", "admin", "password", password)
                : Map.of("grant_type", "password", "username", "admin", "password", password, "scope", scope);
        Reply reply = probe.postForm(uaaUri.resolve("/oauth/token"), form, "cf", "");
        if (reply.status() != 200) {
            throw new AssertionError("login failed: " + reply.raw().body());
        }
        return reply.json().get("access_token").asText();
    }

    Reply get(String path) {
        return send("GET", path, null, adminToken);
    }

    Reply post(String path, String json) {
        return send("POST", path, json, adminToken);
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, json, adminToken);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, adminToken);
    }

    Reply send(String method, String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request.build());
    }

    /** A package upload as the cf CLI sends it: multipart with a resources list and a bits zip. */
    Reply upload(String packageGuid, byte[] zip, String resources) {
        String boundary = "vigil-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"resources\"\r\n\r\n"
                + resources + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"bits\"; filename=\"app.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(zip);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/v3/packages/" + packageGuid + "/upload"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "bearer " + adminToken)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return exchange(request);
    }

    /** Polls the job a 202 points at until it is COMPLETE, and returns the last job document. */
    JsonNode awaitJob(Reply accepted) {
        String location = accepted.header("Location");
        String path = location.substring(api.length());
        await("job " + path + " to complete").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> !get(path).json().get("state").asText().equals("PROCESSING"));
        return get(path).json();
    }

    // --- building blocks of a push ---

    String createOrg(String name) {
        return post("/v3/organizations", "{\"name\":\"" + name + "\"}").json().get("guid").asText();
    }

    String createSpace(String name, String orgGuid) {
        return post("/v3/spaces", "{\"name\":\"" + name + "\",\"relationships\":{\"organization\":{\"data\":{\"guid\":\""
                + orgGuid + "\"}}}}").json().get("guid").asText();
    }

    String createApp(String name, String spaceGuid) {
        return post("/v3/apps", "{\"name\":\"" + name + "\",\"relationships\":{\"space\":{\"data\":{\"guid\":\""
                + spaceGuid + "\"}}},\"environment_variables\":{\"GREETING\":\"hello\"}}").json().get("guid").asText();
    }

    String sharedDomainGuid() {
        return get("/v3/domains?names=" + appsDomain).json().at("/resources/0/guid").asText();
    }

    String createRoute(String host, String path, String spaceGuid) {
        String pathField = path == null ? "" : ",\"path\":\"" + path + "\"";
        Reply reply = post("/v3/routes", "{\"host\":\"" + host + "\"" + pathField + ",\"relationships\":{\"space\":{\"data\":{\"guid\":\""
                + spaceGuid + "\"}},\"domain\":{\"data\":{\"guid\":\"" + sharedDomainGuid() + "\"}}}}");
        if (reply.status() != 201) {
            throw new AssertionError("route create failed: " + reply.raw().body());
        }
        return reply.json().get("guid").asText();
    }

    String createPackage(String appGuid) {
        return post("/v3/packages", "{\"type\":\"bits\",\"relationships\":{\"app\":{\"data\":{\"guid\":\"" + appGuid
                + "\"}}}}").json().get("guid").asText();
    }

    /** Uploads the bits and waits until the package is READY. */
    String uploadedPackage(String appGuid, byte[] zip) {
        String packageGuid = createPackage(appGuid);
        Reply upload = upload(packageGuid, zip, "[]");
        if (upload.status() != 200) {
            throw new AssertionError("upload failed: " + upload.raw().body());
        }
        await("package READY").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> get("/v3/packages/" + packageGuid).json().get("state").asText(), "READY"::equals);
        return packageGuid;
    }

    /** Stages the package and returns the finished build document (STAGED or FAILED). */
    JsonNode stagedBuild(String packageGuid) {
        Reply build = post("/v3/builds", "{\"package\":{\"guid\":\"" + packageGuid + "\"}}");
        if (build.status() != 201) {
            throw new AssertionError("build create failed: " + build.raw().body());
        }
        String path = "/v3/builds/" + build.json().get("guid").asText();
        await("build to finish staging").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> !get(path).json().get("state").asText().equals("STAGING"));
        return get(path).json();
    }

    /** Push up to a current droplet: package, upload, stage, assign. Returns the droplet guid. */
    String pushDroplet(String appGuid) {
        return pushDroplet(appGuid, runnableJar("test.Main"));
    }

    /** Push up to a current droplet of the given bits. */
    String pushDroplet(String appGuid, byte[] bits) {
        JsonNode build = stagedBuild(uploadedPackage(appGuid, bits));
        String dropletGuid = build.at("/droplet/guid").asText();
        Reply assign = patch("/v3/apps/" + appGuid + "/relationships/current_droplet",
                "{\"data\":{\"guid\":\"" + dropletGuid + "\"}}");
        if (assign.status() != 200) {
            throw new AssertionError("assign droplet failed: " + assign.raw().body());
        }
        return dropletGuid;
    }

    static byte[] runnableJar(String mainClass) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new ZipEntry("test/Main.class"));
            jar.write(new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe});
            jar.closeEntry();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    static byte[] plainZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("index.html"));
            zip.write("<h1>hi</h1>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    private static Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
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

    @Override
    public void close() {
        if (cc != null) {
            cc.close();
            uaa.close();
        }
    }
}
