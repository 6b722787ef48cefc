package vigil.launch;

import static io.cucumber.junit.platform.engine.Constants.ANSI_COLORS_DISABLED_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PARALLEL_CONFIG_FIXED_MAX_POOL_SIZE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PARALLEL_CONFIG_FIXED_PARALLELISM_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PARALLEL_CONFIG_STRATEGY_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Cucumber engine's configuration for one run: glue, parallelism and report plugins. */
final class CucumberParameters {
    static final String GLUE_PACKAGE = "vigil.steps";
    private static final String PLATFORM = "vigil-platform";
    private static final String ALLURE_PLUGIN = "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm";

    private CucumberParameters() {
    }

    static Map<String, String> of(int parallel, Path reportsDir) {
        return of(parallel, reportsDir, 1);
    }

    /**
     * For one pass over the scenarios. A rerun of failed scenarios writes Cucumber's reports into
     * {@code cucumber/rerun-<attempt>/}, so that it does not replace the first pass's reports.
     */
    static Map<String, String> of(int parallel, Path reportsDir, int attempt) {
        Path cucumber = attempt == 1 ? reportsDir.toAbsolutePath().resolve("cucumber")
                : reportsDir.toAbsolutePath().resolve("cucumber").resolve("rerun-" + attempt);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(GLUE_PROPERTY_NAME, GLUE_PACKAGE);
        parameters.put(PLUGIN_PROPERTY_NAME, String.join(",",
                ALLURE_PLUGIN,
                "html:" + cucumber.resolve("report.html"),
                "json:" + cucumber.resolve("report.json"),
                "message:" + cucumber.resolve("messages.ndjson")));
        parameters.put(PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, "true");
        parameters.put(ANSI_COLORS_DISABLED_PROPERTY_NAME, "true");
        parameters.put(PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME, "true");
        parameters.put(PARALLEL_CONFIG_STRATEGY_PROPERTY_NAME, "fixed");
        parameters.put(PARALLEL_CONFIG_FIXED_PARALLELISM_PROPERTY_NAME, Integer.toString(parallel));
        parameters.put(PARALLEL_CONFIG_FIXED_MAX_POOL_SIZE_PROPERTY_NAME, Integer.toString(parallel));
        // Availability scenarios deploy or break the platform under everyone: each runs alone, while smoke and
        // acceptance scenarios share the platform with each other.
        parameters.put("cucumber.execution.exclusive-resources.smoke.read", PLATFORM);
        parameters.put("cucumber.execution.exclusive-resources.acceptance.read", PLATFORM);
        parameters.put("cucumber.execution.exclusive-resources.availability.read-write", PLATFORM);
        return parameters;
    }
}
