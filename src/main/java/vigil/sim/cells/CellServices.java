package vigil.sim.cells;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every instance shares: the one scheduler all checks, restarts and kills run on, how processes
 * are launched and checked, where output goes, and the set of OS processes still to account for.
 *
 * @param processes every instance process launched and not yet exited, for {@code liveProcesses()} and close
 * @param stopGrace how long an instance may take to stop after SIGTERM before it is killed (Diego: 10 s)
 */
record CellServices(ScheduledExecutorService scheduler, ProcessLauncher launcher, HealthChecker checker,
                    AppLogBuffer logs, Clock clock, Path workDir, Placement placement,
                    Set<InstanceProcess> processes, Duration stopGrace, String path) {
}
