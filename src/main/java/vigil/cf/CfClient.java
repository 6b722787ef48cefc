package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Cloud Controller (v3) and UAA, as Vigil uses them. Thread-safe: one client serves every
 * scenario of a run and shares one token.
 *
 * <pre>{@code
 * CfClient cf = CfClient.connect(CfTarget.from(config));
 * String version = cf.root().v3Version();
 * List<Organization> orgs = cf.organizations();
 * }</pre>
 */
public final class CfClient {
    private final CfTarget target;
    private final CfHttp cc;
    private final RootLinks root;
    private final UaaClient uaa;
    private final Supplier<String> authorization;

    private CfClient(CfTarget target, CfHttp cc, RootLinks root, UaaClient uaa, Supplier<String> authorization) {
        this.target = target;
        this.cc = cc;
        this.root = root;
        this.uaa = uaa;
        this.authorization = authorization;
    }

    /**
     * Reads {@code GET /} of the API to find the login server. Does not log in yet.
     *
     * @throws TargetUnreachableException when the API does not answer
     * @throws CfApiException             when it answers with an error
     */
    public static CfClient connect(CfTarget target) {
        CfHttp cc = new CfHttp(target.api(), target.connection());
        JsonNode body = expectOk(cc, "GET", "/", cc.send("GET", "/", request -> request.accept(ContentType.JSON)));
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
        new CfHttp(URI.create("http://127.0.0.1"), new ConnectionSettings(false, Duration.ofSeconds(1)));
    }

    public RootLinks root() {
        return root;
    }

    /** {@code GET /v3/info}, which needs no token. */
    public ApiInfo info() {
        return CfJson.convert(get("/v3/info", null), ApiInfo.class);
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

    /** Every organization the user can see, all pages. */
    public List<Organization> organizations() {
        return list("/v3/organizations", Organization.class);
    }

    /** Follows {@code pagination.next} until the last page. */
    <T> List<T> list(String path, Class<T> type) {
        List<T> all = new ArrayList<>();
        String next = path;
        while (next != null) {
            JsonNode page = get(next, authorization.get());
            page.path("resources").forEach(resource -> all.add(CfJson.convert(resource, type)));
            JsonNode href = page.path("pagination").path("next").path("href");
            next = href.isTextual() ? href.asText() : null;
        }
        return all;
    }

    private JsonNode get(String pathOrUrl, String authorizationHeader) {
        Response response = cc.send("GET", pathOrUrl, request -> {
            request.accept(ContentType.JSON);
            return authorizationHeader == null ? request : request.header("Authorization", authorizationHeader);
        });
        return expectOk(cc, "GET", pathOrUrl, response);
    }

    private static JsonNode expectOk(CfHttp cc, String method, String pathOrUrl, Response response) {
        String request = method + " " + pathOrUrl;
        if (response.statusCode() >= 400) {
            throw CfErrorMapper.toException(request, response);
        }
        JsonNode body = CfJson.readOrNull(response.asByteArray());
        if (body == null) {
            throw new IllegalStateException(request + " at " + cc.baseUri() + " answered " + response.statusCode()
                    + " without a JSON body: is this a Cloud Foundry API?");
        }
        return body;
    }
}
