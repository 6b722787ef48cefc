package vigil.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vigil.sim.Sim;
import vigil.sim.SimOptions;

/** The embedded CF started for {@code run --sim}, with the config file that targets it. */
final class EmbeddedTarget implements AutoCloseable {
    private final Sim sim;
    private final Path dir;

    private EmbeddedTarget(Sim sim, Path dir) {
        this.sim = sim;
        this.dir = dir;
    }

    static EmbeddedTarget start() throws IOException {
        Sim sim = Sim.start(SimOptions.defaults());
        try {
            Path dir = Files.createTempDirectory("vigil-sim-");
            sim.writeConfig(dir.resolve("sim.yml"));
            return new EmbeddedTarget(sim, dir);
        } catch (IOException | RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    /** The config file (it holds the admin password; owner-readable only, deleted on close). */
    Path configFile() {
        return dir.resolve("sim.yml");
    }

    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(configFile());
            Files.deleteIfExists(dir);
        } finally {
            sim.close();
        }
    }
}
