package vigil.sim.cells;

/**
 * A sidecar of a process (CC's {@code /v3/apps/:guid/sidecars}): {@code sh -c command} beside each instance.
 *
 * @param name    the sidecar's name; its output goes to the app's log as {@code APP/PROC/<TYPE>/SIDECAR/<NAME>}
 * @param command what it runs
 */
public record SidecarProcess(String name, String command) {
}
