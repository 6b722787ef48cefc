package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.cf.CfClient;
import vigil.cf.CfTarget;
import vigil.cf.Organization;
import vigil.config.ConfigLoader;
import vigil.config.ConfigOverrides;
import vigil.sim.Sim;
import vigil.sim.SimOptions;

/** {@code vigil cleanup} removes what killed runs left, by name prefix and age, and nothing else. */
class CleanupCommandTest {
    @TempDir
    Path dir;
    private Sim sim;
    private Path config;
    private CfClient cf;

    @BeforeEach
    void startSim() throws Exception {
        sim = Sim.start(SimOptions.defaults());
        config = dir.resolve("sim.yml");
        sim.writeConfig(config);
        cf = CfClient.connect(CfTarget.from(
                new ConfigLoader(Map.of()).load(config, ConfigOverrides.none()).config()));
    }

    @AfterEach
    void stopSim() {
        sim.close();
    }

    @Test
    void removesLeftoversWithThePrefixAndKeepsEverythingElse() throws IOException {
        Organization leftover = cf.organizations().create("vigil-k3x9q2-org");
        cf.spaces().create("vigil-k3x9q2-space-1", leftover.guid());
        Organization teams = cf.organizations().create("team-payments");
        cf.spaces().create("vigil-is-not-a-run-name", teams.guid());

        CommandLineRun dryRun = CommandLineRun.of("cleanup", "--config", config.toString(), "--older-than", "0s",
                "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out()).contains("would remove organization vigil-k3x9q2-org")
                .contains("would remove space vigil-k3x9q2-space-1").doesNotContain("team-payments");
        assertThat(cf.organizations().find("vigil-k3x9q2-org")).as("a dry run removes nothing").isPresent();

        CommandLineRun cleanup = CommandLineRun.of("cleanup", "--config", config.toString(), "--older-than", "0s");

        assertThat(cleanup.exitCode()).as(cleanup.toString()).isZero();
        assertThat(cleanup.out()).contains("removed organization vigil-k3x9q2-org");
        assertThat(cf.organizations().find("vigil-k3x9q2-org")).isEmpty();
        assertThat(cf.organizations().find("team-payments")).isPresent();
        assertThat(cf.spaces().find("vigil-is-not-a-run-name", teams.guid())).isPresent();
    }

    @Test
    void leavesYoungerLeftoversAlone() {
        cf.organizations().create("vigil-abcdef-org");

        CommandLineRun cleanup = CommandLineRun.of("cleanup", "--config", config.toString(), "--older-than", "1h");

        assertThat(cleanup.exitCode()).as(cleanup.toString()).isZero();
        assertThat(cleanup.out()).contains("nothing to remove");
        assertThat(cf.organizations().find("vigil-abcdef-org")).isPresent();
    }

    @Test
    void rejectsAnAgeThatIsNotADuration() {
        CommandLineRun cleanup = CommandLineRun.of("cleanup", "--config", config.toString(), "--older-than", "soon");

        assertThat(cleanup.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cleanup.err()).contains("soon").contains("30m");
    }
}
