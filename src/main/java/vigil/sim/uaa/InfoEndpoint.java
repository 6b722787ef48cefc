package vigil.sim.uaa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code GET /info} and {@code GET /login}: the server info and login prompts UAA serves as JSON.
 * CLIs read the prompts to know what to ask for, and {@code app.version} to know what UAA can do.
 */
final class InfoEndpoint {

    /** A UAA release of the same generation as the Cloud Controller version the sim reports. */
    static final String UAA_VERSION = "77.20.0";

    private final URI uaaUrl;

    InfoEndpoint(URI uaaUrl) {
        this.uaaUrl = uaaUrl;
    }

    Response info(Request request) {
        ObjectNode body = JsonWriter.object();
        body.putObject("app").put("version", UAA_VERSION);
        body.put("showLoginLinks", false);
        body.putObject("links")
            .put("uaa", uaaUrl.toString())
            .put("passwd", "/forgot_password")
            .put("login", uaaUrl.toString())
            .put("register", "/create_account");
        body.put("zone_name", IdentityZone.ID);
        body.put("entityID", "cloudfoundry-saml-login");
        body.put("commit_id", "vigil-sim");
        body.putObject("idpDefinitions");
        ObjectNode prompts = body.putObject("prompts");
        prompts.putArray("username").add("text").add("Email");
        prompts.putArray("password").add("password").add("Password");
        // UAA reports its build's commit time here; the sim's "build" never changes.
        body.put("timestamp", "2024-10-24T12:00:00+0000");
        return Response.json(200, UaaHandler.JSON, body);
    }
}
