package vigil.sim.ssh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.sim.http.Transport;

/**
 * What Diego's SSH proxy does with the password {@code cf ssh} sends: it redeems the one-time code at the UAA as
 * the {@code ssh-proxy} client ({@code grant_type=authorization_code}), then asks the Cloud Controller with the
 * user's new token whether that user may reach the app ({@code GET /internal/apps/:guid/ssh_access/:index}), which
 * answers with the process to connect to. Over HTTP, as the real proxy does; anything but a clean answer refuses.
 */
final class AppAccessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(AppAccessCheck.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Diego's process guid is the CC process guid and its version, each a guid, joined by a dash. */
    private static final int GUID_LENGTH = 36;

    private final URI uaaTokenUrl;
    /** Looked up at each check: the proxy starts beside the Cloud Controller, before its URL is known. */
    private final Supplier<URI> ccUrl;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http;

    AppAccessCheck(URI uaaUrl, Supplier<URI> ccUrl, String clientId, String clientSecret, Transport transport) {
        this.uaaTokenUrl = URI.create(uaaUrl + "/oauth/token");
        this.ccUrl = ccUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = transport.client().connectTimeout(TIMEOUT).build();
    }

    /** The CC process guid of the app's web process if the code is good and its user may reach the app. */
    Optional<String> processGuid(String appGuid, int index, String code) {
        try {
            Optional<String> authorization = redeem(code);
            if (authorization.isEmpty()) {
                return Optional.empty();
            }
            HttpRequest request = HttpRequest.newBuilder(ccUrl.get().resolve("/internal/apps/" + appGuid + "/ssh_access/" + index))
                    .timeout(TIMEOUT).header("Authorization", authorization.get()).header("Accept", "application/json")
                    .GET().build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                LOG.debug("ssh access to {}/{} refused by the Cloud Controller: {}", appGuid, index, response.statusCode());
                return Optional.empty();
            }
            String diegoProcessGuid = JSON.readTree(response.body()).path("process_guid").asText("");
            return diegoProcessGuid.length() < GUID_LENGTH ? Optional.empty()
                    : Optional.of(diegoProcessGuid.substring(0, GUID_LENGTH));
        } catch (IOException e) {
            LOG.debug("ssh access check for {}/{} failed: {}", appGuid, index, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** {@code bearer <token>} for the code's user, or empty when the UAA refuses the code. */
    private Optional<String> redeem(String code) throws IOException, InterruptedException {
        String form = "grant_type=authorization_code&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uaaTokenUrl).timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            LOG.debug("ssh code refused by the UAA: {}", response.statusCode());
            return Optional.empty();
        }
        JsonNode token = JSON.readTree(response.body());
        String accessToken = token.path("access_token").asText("");
        return accessToken.isEmpty() ? Optional.empty()
                : Optional.of(token.path("token_type").asText("bearer") + " " + accessToken);
    }
}
