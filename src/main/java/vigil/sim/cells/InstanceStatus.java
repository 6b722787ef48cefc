package vigil.sim.cells;

import java.time.Instant;

/**
 * One instance of a process as the cells see it now.
 *
 * @param since       when it entered its current state (uptime of a RUNNING instance counts from here)
 * @param routable    whether the router may send it requests (RUNNING and healthy)
 * @param details     why it is not running (e.g. the crash reason), or {@code null}
 * @param pid         the OS process id of a live instance, or -1
 * @param memoryBytes resident memory of the OS process, 0 when unknown
 */
public record InstanceStatus(int index, String instanceGuid, InstanceState state, String host, int port,
                             Instant since, String cell, String zone, boolean routable, String details,
                             long pid, long memoryBytes, double cpuFraction) {
}
