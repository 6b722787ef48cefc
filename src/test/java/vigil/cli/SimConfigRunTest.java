package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.Sim;
import vigil.sim.SimOptions;

/** A config written by the embedded CF is used by {@code vigil run --config} as it is, and no secret leaks. */
class SimConfigRunTest {
    private static final String PASSWORD = "Distinctive-Passw0rd-4711";

    @TempDir
    Path dir;
    private Sim sim;

    @BeforeEach
    void startSim() throws IOException {
        sim = Sim.start(SimOptions.defaults().withAdminPassword(PASSWORD));
    }

    @AfterEach
    void stopSim() {
        sim.close();
    }

    @Test
    void runUsesTheWrittenConfigAsItIsAndNoReportHoldsASecret() throws IOException {
        Path config = dir.resolve("sim.yml");
        sim.writeConfig(config);
        Path reports = dir.resolve("reports");

        CommandLineRun run = CommandLineRun.of("run", "--config", config.toString(), "--suites", "smoke",
                "--reports", reports.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(run.out() + run.err()).doesNotContain(PASSWORD).doesNotContain("eyJ");
        // The single-file HTML embeds the results base64-encoded; the results themselves are checked in clear.
        List<Path> files = reportFiles(reports);
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).as(file.toString()).doesNotContain(PASSWORD).doesNotContain("eyJhbGciOi");
        }
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailureThatNamesTheUserNotThePassword() throws IOException {
        Path config = dir.resolve("wrong.yml");
        Files.writeString(config, "api: " + sim.apiUrl() + "\napps_domain: " + sim.appsDomain()
                + "\nadmin_user: admin\nadmin_password: Not-The-Passw0rd-99\n");

        CommandLineRun run = CommandLineRun.of("run", "--config", config.toString(), "--suites", "smoke",
                "--reports", dir.resolve("reports").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SETUP_FAILED);
        assertThat(run.err()).contains("user 'admin'").contains("Bad credentials")
                .doesNotContain("Not-The-Passw0rd-99");
    }

    private static List<Path> reportFiles(Path reports) throws IOException {
        try (Stream<Path> walk = Files.walk(reports)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(reports.resolve("allure-report")))
                    .toList();
        }
    }
}
