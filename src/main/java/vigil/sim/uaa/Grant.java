package vigil.sim.uaa;

import java.util.List;

/**
 * What a token endpoint request was granted: to which client, for which user (absent for
 * client_credentials), through which grant type, with which scopes, and when the user logged in.
 */
record Grant(OAuthClient client, UaaUser user, String grantType, List<String> scopes, long authTime) {

    Grant {
        scopes = List.copyOf(scopes);
    }

    boolean forUser() {
        return user != null;
    }
}
