package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.Sim;
import vigil.sim.SimOptions;

/**
 * The embedded CF served over HTTPS with its self-signed certificate: a run refuses it by default with one
 * message saying what to do, and with skip_ssl_validation runs the smoke suite green over TLS, warning once.
 */
class SimTlsRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Sim sim;
    private static Path config;

    @BeforeAll
    static void startSimWithTls() throws IOException {
        sim = Sim.start(SimOptions.defaults().withTls(true));
        config = dir.resolve("sim.yml");
        sim.writeConfig(config);
    }

    @AfterAll
    static void stopSim() {
        sim.close();
    }

    @Test
    void writtenConfigNamesHttpsEverywhere() throws IOException {
        String written = Files.readString(config);

        assertThat(sim.apiUrl().getScheme()).isEqualTo("https");
        assertThat(sim.uaaUrl().getScheme()).isEqualTo("https");
        assertThat(written).contains("api: \"" + sim.apiUrl() + "\"").contains("use_http: false")
                .contains("skip_ssl_validation: false");
    }

    @Test
    void refusesTheSelfSignedCertificateByDefaultWithOneMessageSayingWhatToDo() throws IOException {
        Path reports = dir.resolve("refused");

        CommandLineRun run = CommandLineRun.of("run", "--config", config.toString(), "--suites", "smoke",
                "--reports", reports.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SETUP_FAILED);
        assertThat(run.err()).as(run.toString())
                .contains("certificate").contains("skip_ssl_validation: true").contains(sim.apiUrl().toString())
                .doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(occurrences(run.err(), "skip_ssl_validation")).as(run.toString()).isEqualTo(1);
        JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
        assertThat(summary.path("verdict").asText()).isEqualTo("error");
        assertThat(summary.path("exit_code").asInt()).isEqualTo(ExitCode.SETUP_FAILED);
    }

    @Test
    void smokeAndAvailabilityPassOverTlsWithSkipSslValidationAndWarnOnce() throws IOException {
        Path reports = dir.resolve("accepted");

        CommandLineRun run = CommandLineRun.of("run", "--config", config.toString(), "--skip-ssl-validation",
                "--suites", "smoke,availability", "--tags", "not @sim and not @ha", "--no-html", "--reports", reports.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(occurrences(run.err(), "are not verified")).as(run.toString()).isEqualTo(1);
        JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
        assertThat(summary.path("suites").path("smoke").path("passed").asInt()).isGreaterThanOrEqualTo(8);
        assertThat(summary.path("suites").path("smoke").path("failed").asInt()).isZero();
        // The deploy scenario probed the app through the router and the API, both serving HTTPS only, and held.
        JsonNode availability = summary.path("availability");
        assertThat(availability).as(summary.toString()).hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode probe : availability) {
            assertThat(probe.path("samples").asInt()).as(probe.toString()).isPositive();
            assertThat(probe.path("passed").asBoolean()).as(probe.toString()).isTrue();
        }
        assertThat(availability.findValuesAsText("target")).anyMatch(target -> target.startsWith("https://"));
        JsonNode left = adminStatus();
        assertThat(left.path("organizations").asInt()).as("nothing the run created is left: " + left).isZero();
        assertThat(left.path("apps").asInt()).as("nothing the run created is left: " + left).isZero();
    }

    /** {@code vigil sim status} over HTTPS: the admin endpoint is served with the same certificate. */
    private static JsonNode adminStatus() throws IOException {
        CommandLineRun status = CommandLineRun.of(Map.of("CF_SKIP_SSL_VALIDATION", "true"),
                "sim", "status", "--config", config.toString());
        assertThat(status.exitCode()).as(status.toString()).isZero();
        return JSON.readTree(status.out());
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
