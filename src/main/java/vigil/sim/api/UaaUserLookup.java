package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import vigil.sim.http.Transport;

/**
 * Asks the UAA for a user's name and origin, as CC does to present users. CC uses a client of its
 * own; the sim has none, so it asks with the caller's token (an admin's, who alone may create users).
 * Anything but a clean answer means "unknown": CC then presents the user by guid.
 */
final class UaaUserLookup {

    /** What UAA says about a user id. */
    record UaaIdentity(String userName, String origin) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI uaaUrl;
    private final HttpClient http;

    UaaUserLookup(URI uaaUrl, Transport transport) {
        this.uaaUrl = uaaUrl;
        this.http = transport.client().connectTimeout(TIMEOUT).build();
    }

    Optional<UaaIdentity> find(String userId, Optional<String> authorization) {
        if (uaaUrl == null || authorization.isEmpty() || !userId.matches("[A-Za-z0-9._-]+")) {
            return Optional.empty();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(uaaUrl.toString().replaceAll("/+$", "") + "/Users/" + userId))
                .timeout(TIMEOUT)
                .header("Authorization", authorization.get())
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode user = JSON.readTree(response.body());
            return Optional.of(new UaaIdentity(user.path("userName").asText(null), user.path("origin").asText(null)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
