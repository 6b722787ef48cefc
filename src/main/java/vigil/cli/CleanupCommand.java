package vigil.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vigil.cf.CfClient;
import vigil.cf.CfTarget;
import vigil.cf.LeftoverSweep;
import vigil.cf.LeftoverSweep.Leftover;
import vigil.config.ConfigLoader;
import vigil.config.ConfigOverrides;
import vigil.config.LoadedConfig;

/** {@code vigil cleanup}: removes what earlier (killed, crashed) runs left in the CF, by name prefix and age. */
@Command(name = "cleanup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Remove orgs, spaces, apps and routes that Vigil runs left behind: names of the form",
                "<name_prefix>-<runid>-<kind>[-n], older than --older-than. Says what it removed."})
final class CleanupCommand implements Callable<Integer> {
    @ParentCommand
    private VigilCommand vigil;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file of the CF to clean (as for run).")
    private Path config;

    @Option(names = "--older-than", paramLabel = "AGE", defaultValue = "1h", converter = AgeConverter.class,
            description = "Only what is older than this, e.g. 30m, 6h, 2d (default: ${DEFAULT-VALUE}), so a run"
                    + " still going is left alone.")
    private Duration olderThan;

    @Option(names = "--dry-run", description = "Only list what would be removed.")
    private boolean dryRun;

    @Override
    public Integer call() throws Exception {
        LoadedConfig loaded = new ConfigLoader(vigil.environment).load(config, ConfigOverrides.none());
        loaded.warnings().forEach(warning -> vigil.err.println("warning: " + warning));
        CfClient cf = CfClient.connect(CfTarget.from(loaded.config()));
        LeftoverSweep sweep = new LeftoverSweep(cf, loaded.config().namePrefix());
        List<Leftover> leftovers = sweep.find(olderThan, Clock.systemUTC().instant());
        if (leftovers.isEmpty()) {
            vigil.out.println("nothing to remove: no " + loaded.config().namePrefix() + "-* leftovers older than "
                    + AgeConverter.describe(olderThan));
            return ExitCode.PASSED;
        }
        if (dryRun) {
            leftovers.forEach(l -> vigil.out.println("would remove " + l.kind() + " " + l.name()
                    + " (created " + l.createdAt() + ")"));
            return ExitCode.PASSED;
        }
        int removed = sweep.remove(leftovers, vigil.out::println);
        vigil.out.println("removed " + removed + " of " + leftovers.size());
        return removed == leftovers.size() ? ExitCode.PASSED : ExitCode.FAILED;
    }
}
