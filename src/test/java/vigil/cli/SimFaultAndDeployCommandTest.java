package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.Sim;
import vigil.sim.SimOptions;
import vigil.sim.admin.Fault;
import vigil.sim.admin.FaultKind;

/** {@code vigil sim fault} and {@code vigil sim deploy} against an in-process embedded CF, through its written config. */
class SimFaultAndDeployCommandTest {

    @TempDir
    static Path dir;
    private static Sim sim;
    private static Path config;

    @BeforeAll
    static void startSim() throws IOException {
        sim = Sim.start(SimOptions.defaults().withCells(2));
        config = dir.resolve("sim.yml");
        sim.writeConfig(config);
    }

    @AfterAll
    static void stopSim() {
        sim.close();
    }

    @Test
    void helpDescribesDeployAndFault() {
        CommandLineRun deploy = CommandLineRun.of("sim", "deploy", "--help");
        CommandLineRun fault = CommandLineRun.of("sim", "fault", "--help");

        assertThat(deploy.exitCode()).isZero();
        assertThat(deploy.out()).contains("--no-evacuation", "--drain", "--config", "evacuated");
        assertThat(fault.exitCode()).isZero();
        assertThat(fault.out()).contains("KIND", "--for", "kill-cell", "api-outage", "slow-api", "router-errors", "--wait");
    }

    @Test
    void faultStartsAnApiOutageInTheSimAndReturnsAtOnce() {
        CommandLineRun run = CommandLineRun.of("sim", "fault", "api-outage", "--for", "2s", "--config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(run.out()).contains("api-outage").contains("started");
        assertThat(sim.faults().active()).extracting(Fault::kind).containsExactly(FaultKind.API_OUTAGE);
        sim.faults().active().forEach(fault -> sim.faults().end(fault.id()));
    }

    @Test
    void anUnknownFaultKindIsRefusedWithTheChoices() {
        CommandLineRun run = CommandLineRun.of("sim", "fault", "meteor", "--config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isNotZero();
        assertThat(run.err()).contains("kill-cell, api-outage, slow-api, router-errors");
    }

    @Test
    void deployWaitsForTheEndAndPrintsEachCell() {
        CommandLineRun run = CommandLineRun.of("sim", "deploy", "--drain", "100ms", "--config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(run.out()).contains("with evacuation").contains("cell-0 (z1): done").contains("cell-1 (z2): done")
                .contains("succeeded");
    }
}
