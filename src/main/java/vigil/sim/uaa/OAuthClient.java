package vigil.sim.uaa;

import java.util.List;
import java.util.Set;

/**
 * A registered OAuth client. {@code scopes} bound what a user token obtained through this client
 * can hold; {@code authorities} are what the client itself gets in a client_credentials token.
 */
record OAuthClient(String id, String secret, Set<String> grantTypes, List<String> scopes, List<String> authorities) {

    OAuthClient {
        grantTypes = Set.copyOf(grantTypes);
        scopes = List.copyOf(scopes);
        authorities = List.copyOf(authorities);
    }

    boolean allows(String grantType) {
        return grantTypes.contains(grantType);
    }

    /** Never print the secret. */
    @Override
    public String toString() {
        return "OAuthClient[" + id + "]";
    }
}
