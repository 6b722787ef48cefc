package vigil.sim.cells;

/**
 * A sidecar of a process (CC's {@code /v3/apps/:guid/sidecars}): {@code sh -c command} beside each instance.
 *
 * @param name                the sidecar's name; its output goes to the app's log as
 *                            {@code APP/PROC/<TYPE>/SIDECAR/<NAME>}
 * @param command             what it runs
 * @param exitCrashesInstance whether its exit crashes the instance, as in Diego (the app and its sidecars are
 *                            codependent); false only as a test fault
 * @param restartsWithInstance whether it runs in an instance restarted after a crash too, as in Diego; false only
 *                            as a test fault
 */
public record SidecarProcess(String name, String command, boolean exitCrashesInstance, boolean restartsWithInstance) {

    public SidecarProcess(String name, String command) {
        this(name, command, true, true);
    }
}
