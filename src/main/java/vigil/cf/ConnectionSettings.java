package vigil.cf;

import java.time.Duration;

/**
 * How Vigil talks HTTP to a CF.
 *
 * @param skipSslValidation accept any certificate (self-signed dev environments); never the default
 * @param requestTimeout    connect and read timeout of one request
 * @param retry             when a request is sent again
 */
public record ConnectionSettings(boolean skipSslValidation, Duration requestTimeout, RetryPolicy retry) {
}
