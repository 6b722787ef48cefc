package vigil.cli;

import java.nio.file.Path;
import vigil.cf.CfClient;
import vigil.cf.CfTarget;
import vigil.config.ConfigException;
import vigil.config.ConfigLoader;
import vigil.config.ConfigOverrides;
import vigil.config.LoadedConfig;

/** How {@code vigil sim status|deploy|fault} reach a running embedded CF: over HTTP, as its admin, from its config. */
final class SimAdminConnection {
    private SimAdminConnection() {
    }

    static CfClient connect(SimCommand sim, Path config) throws ConfigException {
        LoadedConfig loaded = new ConfigLoader(sim.vigil.environment).load(config, ConfigOverrides.none());
        return CfClient.connect(CfTarget.from(loaded.config()));
    }
}
