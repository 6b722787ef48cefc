package vigil.cf;

import java.time.Instant;
import java.util.List;
import vigil.config.Secret;

/**
 * A UAA access token and what its claims say. The token itself is a {@link Secret}, so printing this
 * record never shows it.
 *
 * @param userName     {@code user_name} claim; empty for client-credentials tokens
 * @param refreshToken empty secret when UAA issued none (client credentials)
 */
public record AccessToken(Secret value, Instant expiresAt, String userName, String clientId,
                          List<String> scopes, Secret refreshToken) {

    public AccessToken {
        scopes = List.copyOf(scopes);
    }

    /** The value of an {@code Authorization} header carrying this token. */
    String authorizationHeader() {
        return "bearer " + value.reveal();
    }
}
