package vigil.sim.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import vigil.sim.api.RouteTarget;
import vigil.sim.cells.AppRuntime;
import vigil.sim.cells.InstanceStatus;

/** The routable instances behind some route targets, taken in turn (round robin), as the routers balance. */
final class Backends {

    private final AppRuntime cells;
    private final AtomicInteger next = new AtomicInteger();

    Backends(AppRuntime cells) {
        this.cells = cells;
    }

    Optional<InstanceStatus> next(List<RouteTarget> targets) {
        List<InstanceStatus> routable = routable(targets);
        if (routable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(routable.get(Math.floorMod(next.getAndIncrement(), routable.size())));
    }

    /** No balancing at all (a test fault's router): always the first routable instance. */
    Optional<InstanceStatus> first(List<RouteTarget> targets) {
        return routable(targets).stream().findFirst();
    }

    List<InstanceStatus> routable(List<RouteTarget> targets) {
        List<InstanceStatus> routable = new ArrayList<>();
        for (RouteTarget target : targets) {
            cells.instances(target.processGuid()).stream().filter(InstanceStatus::routable).forEach(routable::add);
        }
        return routable;
    }
}
