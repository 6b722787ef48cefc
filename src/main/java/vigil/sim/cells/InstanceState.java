package vigil.sim.cells;

/** The states CC's process stats report for an instance. */
public enum InstanceState {
    STARTING, RUNNING, CRASHED, DOWN
}
