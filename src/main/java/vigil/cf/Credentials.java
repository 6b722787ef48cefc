package vigil.cf;

import vigil.config.Secret;
import vigil.config.VigilConfig;

/**
 * Who Vigil logs in as: a user through the {@code cf} client (password grant), or a client of its own
 * (client-credentials grant) when no user is configured.
 */
public record Credentials(String user, Secret password, String client, Secret clientSecret) {

    public static Credentials from(VigilConfig config) {
        return new Credentials(config.adminUser(), config.adminPassword(), config.adminClient(),
                config.adminClientSecret());
    }

    boolean hasUser() {
        return user != null && !user.isEmpty() && password != null;
    }

    /** Who this is, for messages: never the secret. */
    String describe() {
        return hasUser() ? "user '" + user + "'" : "client '" + client + "'";
    }
}
