package vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** concourse/task.yml passes the config loader's environment variables, and only real ones. */
class ConcourseTaskEnvironmentTest {
    private static final Path CONCOURSE = Path.of("concourse");

    @Test
    void theTaskDeclaresEveryEnvironmentVariableTheConfigLoaderReads() throws IOException {
        List<String> params = params();

        List<String> loaderVariables = ConfigKeys.CORE.stream().map(ConfigKey::envVar).filter(Objects::nonNull).toList();

        assertThat(params).containsAll(loaderVariables);
    }

    @Test
    void everyParamIsReadByTheConfigLoaderOrByTheTasksScripts() throws IOException {
        List<String> loaderVariables = ConfigKeys.CORE.stream().map(ConfigKey::envVar).filter(Objects::nonNull).toList();
        String scripts = Files.readString(CONCOURSE.resolve("run-vigil.sh")) + Files.readString(CONCOURSE.resolve("marker.sh"));

        for (String param : params()) {
            boolean usedByScript = scripts.contains("${" + param + ":") || scripts.contains("$" + param + "\"")
                    || scripts.contains("${" + param + "}");
            assertThat(loaderVariables.contains(param) || usedByScript)
                    .as("task.yml param %s: neither the config loader nor run-vigil.sh/marker.sh reads it", param)
                    .isTrue();
        }
    }

    private static List<String> params() throws IOException {
        JsonNode task = new YAMLMapper().readTree(CONCOURSE.resolve("task.yml").toFile());
        List<String> names = new ArrayList<>();
        task.path("params").fieldNames().forEachRemaining(names::add);
        assertThat(names).isNotEmpty();
        return names;
    }
}
