package vigil.sim.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import vigil.sim.api.CloudController;
import vigil.sim.cells.CellStatus;
import vigil.sim.cells.Cells;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code GET /vigil/admin/status}: how much the embedded CF holds right now, for checking that a run left
 * nothing behind: orgs, spaces, apps, routes, app instances and live OS processes; then the cells (name,
 * zone, up/draining/down, instances) and the faults in effect.
 */
public final class StatusEndpoint {
    private final Supplier<CloudController> api;
    private final Cells cells;
    private final Faults faults;

    public StatusEndpoint(Supplier<CloudController> api, Cells cells, Faults faults) {
        this.api = api;
        this.cells = cells;
        this.faults = faults;
    }

    public Response status(Request request) {
        Map<String, Object> status = new LinkedHashMap<>(api.get().counts());
        status.put("instances", cells.cells().stream().mapToInt(CellStatus::instances).sum());
        status.put("processes", cells.liveProcesses());
        status.put("cells", AdminJson.cells(cells.cells()));
        status.put("faults", AdminJson.faults(faults.active()).get("resources"));
        return Response.json(200, "application/json", status);
    }
}
