package vigil.launch;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.config.VigilConfig;

/**
 * The run's configuration as Allure's {@code environment.properties} (the report's "Environment" panel): what a
 * reader needs to know which CF was tested and how. Built from {@link VigilConfig#redactedView()}, so passwords
 * and client secrets show as {@code [REDACTED]}. A report that cannot be written is logged, never thrown.
 */
final class AllureEnvironment {
    private static final Logger LOG = LoggerFactory.getLogger(AllureEnvironment.class);

    private AllureEnvironment() {
    }

    static void write(Path resultsDir, VigilConfig config, String runId) {
        Properties properties = new Properties();
        properties.setProperty("run_id", runId);
        for (Map.Entry<String, Object> entry : config.redactedView().entrySet()) {
            properties.setProperty(entry.getKey(), String.valueOf(entry.getValue()));
        }
        try {
            Files.createDirectories(resultsDir);
            try (Writer out = Files.newBufferedWriter(resultsDir.resolve("environment.properties"), StandardCharsets.UTF_8)) {
                properties.store(out, "Vigil run " + runId + ": configuration, secrets redacted");
            }
        } catch (IOException e) {
            LOG.warn("cannot write the run's configuration to {}: {}", resultsDir, e.toString());
        }
    }
}
