package vigil.cf;

import java.util.List;
import java.util.Map;

/** {@code /v3/apps/:guid/sidecars} and {@code /v3/processes/:guid/sidecars}. */
public final class Sidecars {
    private final CfClient cf;

    Sidecars(CfClient cf) {
        this.cf = cf;
    }

    /** A sidecar running {@code command} beside each instance of the process types, from the app's next start on. */
    public Sidecar create(String appGuid, String name, String command, List<String> processTypes) {
        return cf.post("/v3/apps/" + appGuid + "/sidecars",
                Map.of("name", name, "command", command, "process_types", processTypes), Sidecar.class);
    }

    /** The sidecars that run beside a process's instances. */
    public List<Sidecar> ofProcess(String processGuid) {
        return cf.list("/v3/processes/" + processGuid + "/sidecars", Sidecar.class);
    }
}
