package vigil.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a running {@link Sim} holds, from its admin status ({@code /vigil/admin/status}), for tests in other packages. */
public final class SimStatus {
    /** The counts of a sim holding nothing that a run creates. */
    public static final String NOTHING = "organizations=0 spaces=0 apps=0 routes=0 instances=0";

    private SimStatus() {
    }

    /** "organizations=0 spaces=0 apps=0 routes=0 instances=0": what a run creates, counted. */
    public static String counts(Sim sim) {
        JsonNode status = new SimClient(sim).get("/vigil/admin/status").json();
        return Stream.of("organizations", "spaces", "apps", "routes", "instances")
                .map(key -> key + "=" + status.path(key).asText("missing")).collect(Collectors.joining(" "));
    }

    public static int count(Sim sim, String key) {
        return new SimClient(sim).get("/vigil/admin/status").json().path(key).asInt(-1);
    }
}
