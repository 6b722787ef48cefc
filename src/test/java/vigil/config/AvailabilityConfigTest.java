package vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.config.ConfigFixtures.VALID_YAML;
import static vigil.config.ConfigFixtures.failure;
import static vigil.config.ConfigFixtures.load;
import static vigil.config.ConfigFixtures.write;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.report.Thresholds;

/** The availability section: each probe's pace, thresholds and known errors, over Vigil's defaults. */
class AvailabilityConfigTest {
    @TempDir
    Path dir;

    @Test
    void withoutTheSectionEveryProbeHasItsDefaults() throws Exception {
        AvailabilitySettings settings = load(write(dir, "c.yml", VALID_YAML)).config().availability();
        ProbeSettings app = settings.probe(AvailabilitySettings.APP_HTTP);
        assertThat(app.rateHz()).isEqualTo(10);
        assertThat(app.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(app.thresholds()).isEqualTo(new Thresholds(99.5, 2.0, null, null));
        assertThat(settings.probe(AvailabilitySettings.CF_API).thresholds().minAvailabilityPct()).isEqualTo(99.0);
        assertThat(settings.probe(AvailabilitySettings.PUSHABILITY).enabled()).isFalse();
        assertThat(settings.probe(AvailabilitySettings.PUSHABILITY).interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.probe(AvailabilitySettings.LOG_FRESHNESS).enabled()).isFalse();
        assertThat(settings.probe(AvailabilitySettings.LOG_FRESHNESS).interval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void readsEveryKeyOfTheSectionAndKeepsDefaultsForKeysNotGiven() throws Exception {
        LoadedConfig loaded = load(write(dir, "c.yml", VALID_YAML + """
                availability:
                  probes:
                    app-http: {rate_hz: 20, timeout_ms: 1500, max_in_flight: 8, min_availability_pct: 99.9, max_outage_s: 1,
                               max_failures: 20, max_p99_latency_ms: 800, known_errors: ["http_502", "^connection_reset$"]}
                    cf-api: {rate_hz: 1, min_availability_pct: null}
                    pushability: {enabled: true, interval_s: 30}
                    log-freshness: {enabled: true, interval_s: 5, max_outage_s: 15}
                """));
        AvailabilitySettings settings = loaded.config().availability();
        ProbeSettings app = settings.probe(AvailabilitySettings.APP_HTTP);
        assertThat(app.rateHz()).isEqualTo(20);
        assertThat(app.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(app.maxInFlight()).isEqualTo(8);
        assertThat(app.thresholds()).isEqualTo(new Thresholds(99.9, 1.0, 20L, 800.0));
        assertThat(app.knownErrors()).extracting(Pattern::pattern).containsExactly("http_502", "^connection_reset$");
        ProbeSettings api = settings.probe(AvailabilitySettings.CF_API);
        assertThat(api.rateHz()).isEqualTo(1);
        assertThat(api.thresholds()).as("null switches the default threshold off").isEqualTo(Thresholds.NONE);
        assertThat(api.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.probe(AvailabilitySettings.CF_APP_LOOKUP).thresholds().minAvailabilityPct()).isEqualTo(99.0);
        ProbeSettings push = settings.probe(AvailabilitySettings.PUSHABILITY);
        assertThat(push.enabled()).isTrue();
        assertThat(push.interval()).isEqualTo(Duration.ofSeconds(30));
        ProbeSettings logs = settings.probe(AvailabilitySettings.LOG_FRESHNESS);
        assertThat(logs.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(logs.thresholds().maxOutageS()).isEqualTo(15.0);
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void reportsEveryWrongValueWithItsKeyPathAndWhatItMustBe() {
        Path file = write(dir, "c.yml", VALID_YAML + """
                availability:
                  probes:
                    app-http: {rate_hz: 0, timeout_ms: 1.5, min_availability_pct: 101, max_outage_s: -1,
                               max_failures: "many", max_p99_latency_ms: [1], known_errors: ["(unclosed", 7]}
                    cf-api: {max_in_flight: 0}
                    pushability: {enabled: "yes", interval_s: 0}
                    log-freshness: fast
                """);
        ConfigException e = failure(file);
        String app = "availability.probes.app-http.";
        assertThat(e.problems()).containsExactly(
                app + "rate_hz: must be a number above 0 and at most 10000 (checks per second), got 0 (from " + file + ")",
                app + "timeout_ms: must be a whole number of milliseconds above 0, got 1.5 (from " + file + ")",
                app + "min_availability_pct: must be a percentage from 0 to 100, got 101 (from " + file + ")",
                app + "max_outage_s: must be a number of seconds, 0 or more, got -1 (from " + file + ")",
                app + "max_failures: must be a whole number, 0 or more, got \"many\" (from " + file + ")",
                app + "max_p99_latency_ms: must be a number of milliseconds, 0 or more, got a list (from " + file + ")",
                app + "known_errors[0]: must be a regular expression, got \"(unclosed\" (Unclosed group at index 9;"
                        + " from " + file + ")",
                app + "known_errors[1]: must be an error kind or regular expression such as \"http_502\", got 7 (from "
                        + file + ")",
                "availability.probes.cf-api.max_in_flight: must be a whole number from 1 to 1000 (checks of the probe"
                        + " running at once), got 0 (from " + file + ")",
                "availability.probes.pushability.enabled: must be true or false, got \"yes\" (from " + file + ")",
                "availability.probes.pushability.interval_s: must be a number of seconds above 0 and at most 86400,"
                        + " got 0 (from " + file + ")",
                "availability.probes.log-freshness: must be the probe's settings (e.g. {enabled: true, interval_s: 60}),"
                        + " got \"fast\" (from " + file + ")");
        assertThat(e.getMessage()).startsWith("invalid configuration:");
    }

    @Test
    void sectionOfTheWrongShapeIsAProblem() {
        Path file = write(dir, "c.yml", VALID_YAML + "availability: [app-http]\n");
        assertThat(failure(file).problems()).containsExactly("availability: must be a section with 'probes'"
                + " (e.g. availability: {probes: {app-http: {rate_hz: 10}}}), got a list (from " + file + ")");
    }

    @Test
    void warnsAboutUnknownProbesAndKeysWithASuggestion() throws Exception {
        Path file = write(dir, "c.yml", VALID_YAML + """
                availabilty: {}
                availability:
                  probe: {}
                  probes:
                    app-htp: {rate_hz: 5}
                    app-http: {rate: 5, interval_s: 3}
                    pushability: {enable: true}
                """);
        LoadedConfig loaded = load(file);
        assertThat(loaded.warnings()).containsExactly(
                "unknown key 'availabilty' in " + file + " (did you mean 'availability'?): ignored",
                "unknown key 'availability.probe' in " + file + " (did you mean 'probes'?): ignored",
                "unknown probe 'availability.probes.app-htp' in " + file + " (did you mean 'app-http'?): ignored",
                "unknown key 'availability.probes.app-http.rate' in " + file + " (did you mean 'rate_hz'?): ignored",
                "unknown key 'availability.probes.app-http.interval_s' in " + file + "; known: rate_hz, timeout_ms,"
                        + " max_in_flight, min_availability_pct, max_outage_s, max_failures, max_p99_latency_ms,"
                        + " known_errors: ignored",
                "unknown key 'availability.probes.pushability.enable' in " + file + " (did you mean 'enabled'?): ignored");
        assertThat(loaded.config().availability().probe(AvailabilitySettings.APP_HTTP).rateHz()).isEqualTo(10);
    }
}
