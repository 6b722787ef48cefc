package vigil.cf;

import java.net.URI;
import java.time.Duration;
import vigil.config.VigilConfig;

/** A CF API to test, who to log in as, how to connect and how long to wait. */
public record CfTarget(URI api, Credentials credentials, ConnectionSettings connection, Timeouts timeouts) {
    private static final Duration BASE_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public static CfTarget from(VigilConfig config) {
        return new CfTarget(config.api(), Credentials.from(config),
                new ConnectionSettings(config.skipSslValidation(), config.scaled(BASE_REQUEST_TIMEOUT),
                        RetryPolicy.DEFAULT), Timeouts.from(config));
    }
}
