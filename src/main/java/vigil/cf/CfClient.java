package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import vigil.config.Secret;

/**
 * The Cloud Controller (v3) and UAA, as Vigil uses them. Thread-safe: one client serves every
 * scenario of a run and shares one token.
 *
 * <pre>{@code
 * CfClient cf = CfClient.connect(CfTarget.from(config));
 * String version = cf.root().v3Version();
 * List<Organization> orgs = cf.organizations().list();
 * }</pre>
 */
public final class CfClient {
    private final CfTarget target;
    private final CfHttp cc;
    private final RootLinks root;
    private final UaaClient uaa;
    private final Supplier<String> authorization;
    private final Jobs jobs;

    private CfClient(CfTarget target, CfHttp cc, RootLinks root, UaaClient uaa, Supplier<String> authorization) {
        this.target = target;
        this.cc = cc;
        this.root = root;
        this.uaa = uaa;
        this.authorization = authorization;
        this.jobs = new Jobs(this, target.timeouts());
    }

    public Timeouts timeouts() {
        return target.timeouts();
    }

    /**
     * Reads {@code GET /} of the API to find the login server. Does not log in yet.
     *
     * @throws TargetUnreachableException when the API does not answer
     * @throws CfApiException             when it answers with an error
     */
    public static CfClient connect(CfTarget target) {
        CfHttp cc = new CfHttp(target.api(), target.connection());
        JsonNode body = CcAnswer.of("GET /", cc.send("GET", "/", request -> request.accept(ContentType.JSON))).body();
        RootLinks root = RootLinks.from(body, "GET " + target.api() + "/");
        UaaClient uaa = new UaaClient(root.login(), target.connection());
        TokenSource tokens = new TokenSource(() -> uaa.logIn(target.credentials()),
                token -> uaa.refresh(token, target.credentials()), Clock.systemUTC());
        return new CfClient(target, cc, root, uaa, tokens::authorizationHeader);
    }

    /**
     * Loads and initialises the HTTP stack (rest-assured brings Groovy: about half a second) without
     * sending anything, so a caller can do it while it does other start-up work.
     */
    public static void warmUp() {
        new CfHttp(URI.create("http://127.0.0.1"), new ConnectionSettings(false, Duration.ofSeconds(1), RetryPolicy.NONE));
    }

    public RootLinks root() {
        return root;
    }

    /** {@code GET /v3/info}, which needs no token. */
    public ApiInfo info() {
        return CfJson.convert(withAuthorization(null).send("GET", "/v3/info", null).body(), ApiInfo.class);
    }

    /** A fresh login with the configured credentials, independent of the token this client uses. */
    public AccessToken logIn() {
        return uaa.logIn(target.credentials());
    }

    /**
     * The same client sending the given {@code Authorization} header, or none when it is {@code null}:
     * for checking how the API treats missing and bad tokens.
     */
    public CfClient withAuthorization(String header) {
        return new CfClient(target, cc, root, uaa, () -> header);
    }


    public Organizations organizations() {
        return new Organizations(this);
    }

    public Spaces spaces() {
        return new Spaces(this);
    }

    public Apps apps() {
        return new Apps(this);
    }

    public Packages packages() {
        return new Packages(this);
    }

    public Builds builds() {
        return new Builds(this);
    }

    public Droplets droplets() {
        return new Droplets(this);
    }

    public Processes processes() {
        return new Processes(this);
    }

    public Routes routes() {
        return new Routes(this);
    }

    public Tasks tasks() {
        return new Tasks(this);
    }

    public Deployments deployments() {
        return new Deployments(this);
    }

    public Sidecars sidecars() {
        return new Sidecars(this);
    }

    public Revisions revisions() {
        return new Revisions(this);
    }

    public Services services() {
        return new Services(this);
    }

    public Manifests manifests() {
        return new Manifests(this);
    }

    /** {@code cf ssh}: the SSH proxy, one-time codes from the UAA (at {@code links.uaa}), the ssh features. */
    public AppSsh appSsh() {
        return new AppSsh(this, new CfHttp(root.uaa(), target.connection()));
    }

        /** CC users and roles, and UAA's SCIM users (at {@code links.uaa}). */
    public Users users() {
        return new Users(this, new CfHttp(root.uaa(), target.connection()));
    }

    /**
     * The same client, same token, sending every request once: for probes, which must see each failure
     * rather than have it retried away.
     */
    public CfClient withoutRetries() {
        ConnectionSettings once = new ConnectionSettings(target.connection().skipSslValidation(),
                target.connection().requestTimeout(), RetryPolicy.NONE);
        CfTarget single = new CfTarget(target.api(), target.credentials(), once, target.timeouts());
        return new CfClient(single, new CfHttp(target.api(), once), root, uaa, authorization);
    }

    /** A client of the same CF logged in as another user (through the cf client's password grant). */
    public CfClient as(String user, Secret password) {
        CfTarget other = new CfTarget(target.api(), new Credentials(user, password, null, Secret.empty()),
                target.connection(), target.timeouts());
        TokenSource tokens = new TokenSource(() -> uaa.logIn(other.credentials()),
                token -> uaa.refresh(token, other.credentials()), Clock.systemUTC());
        return new CfClient(other, cc, root, uaa, tokens::authorizationHeader);
    }

    /** The {@code Authorization} header this client sends (for other endpoints of the same CF, e.g. UAA). */
    String authorizationHeader() {
        return authorization.get();
    }

    /** The log-cache of this CF ({@code links.log_cache} of {@code GET /}). */
    public LogCache logCache() {
        return new LogCache(this, root.logCache().orElseThrow(() -> new IllegalStateException(
                "GET " + target.api() + "/ has no links.log_cache: this CF offers no log-cache to read app logs from")));
    }

    /** The log stream of this CF ({@code links.log_stream} of {@code GET /}: the RLP gateway). */
    public LogStream logStream() {
        return new LogStream(root.logStream().orElseThrow(() -> new IllegalStateException(
                "GET " + target.api() + "/ has no links.log_stream: this CF offers no log stream (RLP gateway)")),
                authorization, target.connection());
    }

    /** Any authenticated GET answering JSON, e.g. the embedded CF's {@code /vigil/admin/status}. */
    public JsonNode getJson(String path) {
        return send("GET", path, null).body();
    }

    /** Any authenticated POST of a JSON body answering JSON, e.g. the embedded CF's {@code /vigil/admin/faults}. */
    public JsonNode postJson(String path, Object body) {
        return send("POST", path, body).body();
    }

    /** Any authenticated DELETE, answering JSON or nothing (a null node). */
    public JsonNode deleteJson(String path) {
        return send("DELETE", path, null).body();
    }

    /** A list CC answers without pagination ({@code {"resources": [...]}}, e.g. process stats). */
    <T> List<T> resources(String path, Class<T> type) {
        List<T> all = new ArrayList<>();
        send("GET", path, null).body().path("resources").forEach(r -> all.add(CfJson.convert(r, type)));
        return all;
    }

    /** Follows {@code pagination.next} until the last page. */
    <T> List<T> list(String path, Class<T> type) {
        List<T> all = new ArrayList<>();
        String next = path;
        while (next != null) {
            JsonNode page = send("GET", next, null).body();
            page.path("resources").forEach(resource -> all.add(CfJson.convert(resource, type)));
            JsonNode href = page.path("pagination").path("next").path("href");
            next = href.isTextual() ? href.asText() : null;
        }
        return all;
    }

    <T> T get(String path, Class<T> type) {
        return CfJson.convert(send("GET", path, null).body(), type);
    }

    <T> T post(String path, Object body, Class<T> type) {
        return CfJson.convert(send("POST", path, body).body(), type);
    }

    <T> T patch(String path, Object body, Class<T> type) {
        return CfJson.convert(send("PATCH", path, body).body(), type);
    }

    /** A request with a body that is not JSON (a YAML manifest); a 202 job is awaited. */
    void sendRawAndAwaitJob(String method, String path, String contentType, String body) {
        String header = authorization.get();
        Response response = cc.send(method, path, request -> authorized(request.accept(ContentType.JSON), header)
                .contentType(contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        CcAnswer.of(method + " " + path, response).jobLocation().ifPresent(jobs::await);
    }

    /** A request whose answer may be a 202 with a job: the job is awaited. */
    void sendAndAwaitJob(String method, String path, Object body) {
        CcAnswer answer = send(method, path, body);
        answer.jobLocation().ifPresent(jobs::await);
    }

    /** Awaits a job CC answered with earlier ({@code Location} of a 202); FAILED raises its error. */
    void awaitJob(String location) {
        jobs.await(location);
    }

    /** A multipart upload (package bits). */
    <T> T upload(String path, UnaryOperator<RequestSpecification> parts, Class<T> type) {
        String header = authorization.get();
        Response response = cc.send("POST", path, request -> parts.apply(authorized(request, header)));
        return CfJson.convert(CcAnswer.of("POST " + path, response).body(), type);
    }

    CcAnswer send(String method, String pathOrUrl, Object body) {
        // The token first, outside the request: a refused login must surface as itself, not as a failed request.
        String header = authorization.get();
        Response response = cc.send(method, pathOrUrl, request -> {
            RequestSpecification authorized = authorized(request.accept(ContentType.JSON), header);
            return body == null ? authorized : authorized.contentType(ContentType.JSON).body(CfJson.write(body));
        });
        return CcAnswer.of(method + " " + pathOrUrl, response);
    }

    private static RequestSpecification authorized(RequestSpecification request, String header) {
        return header == null ? request : request.header("Authorization", header);
    }
}
