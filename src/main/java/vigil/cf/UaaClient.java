package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import vigil.config.Secret;

/** UAA's token endpoint: password, client-credentials and refresh-token grants. */
final class UaaClient {
    /** The cf CLI's public client: empty secret, allowed the password and refresh_token grants. */
    private static final String CF_CLIENT = "cf";

    private final CfHttp http;

    UaaClient(URI loginServer, ConnectionSettings settings) {
        this.http = new CfHttp(loginServer, settings);
    }

    AccessToken logIn(Credentials credentials) {
        if (credentials.hasUser()) {
            return grant("password", Map.of("username", credentials.user(), "password", credentials.password().reveal()),
                    CF_CLIENT, new Secret(""), credentials.describe());
        }
        return grant("client_credentials", Map.of(), credentials.client(), credentials.clientSecret(),
                credentials.describe());
    }

    AccessToken refresh(AccessToken token, Credentials credentials) {
        String client = credentials.hasUser() ? CF_CLIENT : credentials.client();
        Secret secret = credentials.hasUser() ? new Secret("") : credentials.clientSecret();
        return grant("refresh_token", Map.of("refresh_token", token.refreshToken().reveal()), client, secret,
                credentials.describe());
    }

    private AccessToken grant(String grantType, Map<String, String> fields, String client, Secret clientSecret,
                              String who) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", grantType);
        form.putAll(fields);
        Response response = http.send("POST", "/oauth/token", request -> request
                .auth().preemptive().basic(client, clientSecret.reveal())
                .accept(ContentType.JSON)
                .contentType(ContentType.URLENC)
                .formParams(form));
        JsonNode body = CfJson.readOrNull(response.asByteArray());
        if (response.statusCode() != 200 || body == null || !body.hasNonNull("access_token")) {
            String error = body == null ? "" : body.path("error").asText("");
            String description = body == null ? "" : body.path("error_description").asText("");
            throw new AuthenticationException("UAA at " + http.baseUri() + " refused the " + grantType + " grant for "
                    + who + ": " + response.statusCode() + " " + error
                    + (description.isEmpty() ? "" : " (" + Redactor.text(description) + ")")
                    + ". Check admin_user/admin_password (or admin_client/admin_client_secret).",
                    response.statusCode(), error);
        }
        Secret refresh = new Secret(body.path("refresh_token").asText(""));
        return TokenClaims.toAccessToken(new Secret(body.get("access_token").asText()), refresh);
    }
}
