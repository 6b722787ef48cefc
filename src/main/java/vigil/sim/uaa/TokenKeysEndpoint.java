package vigil.sim.uaa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code GET /token_keys} (a JWK set) and {@code GET /token_key} (the one key): what resource
 * servers fetch to verify tokens. Public, as in UAA, since only public keys are listed.
 */
final class TokenKeysEndpoint {

    private final SigningKey key;

    TokenKeysEndpoint(SigningKey key) {
        this.key = key;
    }

    Response keys(Request request) {
        ObjectNode body = JsonWriter.object();
        body.putArray("keys").add(key.publicJwk());
        return Response.json(200, UaaHandler.JSON, body);
    }

    Response key(Request request) {
        return Response.json(200, UaaHandler.JSON, key.publicJwk());
    }
}
