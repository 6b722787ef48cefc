package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import vigil.cf.AppResponse;
import vigil.cf.PushedApp;

/** What the app itself reads from {@code VCAP_SERVICES} (its {@code /env/VCAP_SERVICES}), by label and name. */
final class VcapServices {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VcapServices() {
    }

    /** The entry named {@code name} under {@code label} ({@code user-provided} or an offering's name), if any. */
    static Optional<JsonNode> entry(AppRequests requests, PushedApp app, String label, String name) {
        AppResponse response = requests.get(app, "/env/VCAP_SERVICES");
        if (response.status() == 404) {
            return Optional.empty();
        }
        assertThat(response.status()).as("GET /env/VCAP_SERVICES").isEqualTo(200);
        try {
            for (JsonNode instance : JSON.readTree(response.body()).path(label)) {
                if (instance.path("name").asText().equals(name)) {
                    return Optional.of(instance);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("VCAP_SERVICES in the app is not JSON", e);
        }
        return Optional.empty();
    }
}
