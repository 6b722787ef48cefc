package vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vigil.cf.CfClient;

/** {@code vigil sim status}: what a running embedded CF holds, as JSON (to check that nothing was left behind). */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Print the counts of orgs, spaces, apps, routes, app instances and live OS processes of a",
                "running embedded CF as JSON, with its cells (zone, up/draining/down, instances) and the faults in",
                "effect. Reaches it over HTTP as the admin, with the config 'vigil sim",
                "--write-config' wrote."})
final class SimStatusCommand implements Callable<Integer> {
    @ParentCommand
    private SimCommand sim;

    @Option(names = "--config", paramLabel = "FILE", required = true,
            description = "The config file of the embedded CF (from 'vigil sim --write-config FILE').")
    private Path config;

    @Override
    public Integer call() throws Exception {
        CfClient cf = SimAdminConnection.connect(sim, config);
        JsonNode status = cf.getJson("/vigil/admin/status");
        sim.vigil.out.println(status.toPrettyString());
        return ExitCode.PASSED;
    }
}
