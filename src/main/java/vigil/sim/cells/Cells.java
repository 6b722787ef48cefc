package vigil.sim.cells;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The cells of the embedded CF: they run app instances as real OS processes.
 * SCAFFOLD: the real implementation is being written; every method but start/close throws for now.
 */
public final class Cells implements AppRuntime, AutoCloseable {

    /** @param cells how many cells (spread over zones z1, z2, z3, ...); @param workDir where instances run */
    public record Options(int cells, Path workDir, Clock clock) {
    }

    private Cells() {
    }

    public static Cells start(Options options) {
        return new Cells();
    }

    @Override
    public void desire(DesiredProcess process) {
        throw new UnsupportedOperationException("cells not built yet");
    }

    @Override
    public void remove(String processGuid) {
        throw new UnsupportedOperationException("cells not built yet");
    }

    @Override
    public List<InstanceStatus> instances(String processGuid) {
        throw new UnsupportedOperationException("cells not built yet");
    }

    @Override
    public List<LogLine> recentLogs(String appGuid, int limit) {
        throw new UnsupportedOperationException("cells not built yet");
    }

    @Override
    public void appendLog(LogLine line) {
        throw new UnsupportedOperationException("cells not built yet");
    }

    /** OS processes alive right now (instances and tasks). */
    public int liveProcesses() {
        throw new UnsupportedOperationException("cells not built yet");
    }

    /** Stops every instance process; none is left behind. Idempotent. */
    @Override
    public void close() {
    }
}
