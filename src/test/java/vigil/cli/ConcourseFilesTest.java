package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import vigil.report.Shard;

/**
 * The files in concourse/ parse, the flags run-vigil.sh passes exist on the commands it calls, and the
 * example pipeline uses the tasks as they are declared: its shards form one complete split, all merged.
 */
class ConcourseFilesTest {
    private static final Path CONCOURSE = Path.of("concourse");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");
    private static final Pattern SECTION = Pattern.compile("(?m)^  (run|merge|gate)\\)\\n(.*?)^    ;;", Pattern.DOTALL);

    @Test
    void everyTaskFileIsAConcourseTaskWhoseScriptExists() throws IOException {
        List<Path> tasks;
        try (Stream<Path> files = Files.list(CONCOURSE)) {
            tasks = files.filter(f -> f.toString().endsWith(".yml") && !f.endsWith("pipeline.yml")).sorted().toList();
        }
        assertThat(tasks).extracting(Path::toString)
                .contains("concourse/task.yml", "concourse/build.yml", "concourse/archive.yml", "concourse/marker.yml");
        for (Path file : tasks) {
            JsonNode task = YAML.readTree(file.toFile());
            assertThat(task.path("platform").asText()).as(file.toString()).isEqualTo("linux");
            assertThat(task.path("image_resource").path("source").path("repository").asText()).as(file.toString())
                    .isNotEmpty();
            String path = task.path("run").path("path").asText();
            assertThat(path).as(file.toString()).isNotEmpty();
            if (path.startsWith("vigil/")) {
                Path script = Path.of(path.substring("vigil/".length()));
                assertThat(script).as(file.toString()).isRegularFile().isExecutable();
            }
        }
    }

    @Test
    void theFlagsRunVigilPassesExistOnTheCommandsItCalls() throws IOException {
        String script = Files.readString(CONCOURSE.resolve("run-vigil.sh"));
        Map<String, CommandSpec> commands = Map.of(
                "run", CommandSpec.forAnnotatedObject(new RunCommand()),
                "merge", CommandSpec.forAnnotatedObject(new MergeCommand()),
                "gate", CommandSpec.forAnnotatedObject(new GateCommand()));
        Set<String> sections = new HashSet<>();
        Matcher section = SECTION.matcher(script);
        while (section.find()) {
            sections.add(section.group(1));
            CommandSpec command = commands.get(section.group(1));
            Matcher flag = FLAG.matcher(section.group(2));
            int flags = 0;
            while (flag.find()) {
                flags++;
                assertThat(command.findOption(flag.group()))
                        .as("run-vigil.sh passes %s to vigil %s", flag.group(), section.group(1)).isNotNull();
            }
            assertThat(flags).as("flags of vigil %s", section.group(1)).isPositive();
        }
        assertThat(sections).containsExactlyInAnyOrder("run", "merge", "gate");
    }

    @Test
    void thePipelineUsesTheTasksAsDeclaredAndMergesOneCompleteSplit() throws IOException {
        JsonNode task = YAML.readTree(CONCOURSE.resolve("task.yml").toFile());
        Set<String> params = names(task.path("params"));
        Set<String> inputs = new HashSet<>(task.path("inputs").findValuesAsText("name"));
        Set<String> outputs = new HashSet<>(task.path("outputs").findValuesAsText("name"));
        JsonNode pipeline = YAML.readTree(CONCOURSE.resolve("pipeline.yml").toFile());
        assertThat(pipeline.path("jobs")).hasSizeGreaterThanOrEqualTo(2);
        Set<String> resources = new HashSet<>(pipeline.path("resources").findValuesAsText("name"));

        List<JsonNode> vigilSteps = new ArrayList<>();
        List<JsonNode> steps = new ArrayList<>();
        collectSteps(pipeline.path("jobs"), steps);
        for (JsonNode step : steps) {
            if (step.has("get") || step.has("put")) {
                String resource = step.has("get") ? step.get("get").asText() : step.get("put").asText();
                assertThat(resources).as("resource of %s", step).contains(resource);
            }
            if (step.has("file")) {
                String file = step.get("file").asText();
                assertThat(file).startsWith("vigil/");
                assertThat(Path.of(file.substring("vigil/".length()))).as(file).isRegularFile();
                if (file.equals("vigil/concourse/task.yml")) {
                    vigilSteps.add(step);
                }
            }
        }
        assertThat(vigilSteps).hasSizeGreaterThanOrEqualTo(5);

        TreeSet<String> shards = new TreeSet<>();
        Set<String> shardOutputs = new HashSet<>();
        String merged = null;
        for (JsonNode step : vigilSteps) {
            String name = step.path("task").asText();
            assertThat(params).as("params of task %s", name).containsAll(names(step.path("params")).stream()
                    .filter(p -> p.startsWith("VIGIL_") || p.startsWith("CF_") || p.startsWith("MARKER_")).toList());
            assertThat(inputs).as("input_mapping of task %s", name).containsAll(names(step.path("input_mapping")));
            assertThat(outputs).as("output_mapping of task %s", name).containsAll(names(step.path("output_mapping")));
            JsonNode stepParams = step.path("params");
            if (stepParams.has("VIGIL_SHARD")) {
                shards.add(Shard.parse(stepParams.get("VIGIL_SHARD").asText()).toString());
                shardOutputs.add(step.path("output_mapping").path("reports").asText());
            }
            if (stepParams.path("VIGIL_COMMAND").asText().equals("merge")) {
                merged = mergedOutputs(step);
            }
        }
        assertThat(shards).containsExactly("1/3", "2/3", "3/3");
        assertThat(merged).as("the merge step").isNotNull();
        assertThat(merged.split(" ")).contains(shardOutputs.toArray(String[]::new));
    }

    /** The outputs the merge step joins: its VIGIL_MERGE inputs, mapped back to the steps' outputs. */
    private static String mergedOutputs(JsonNode merge) {
        List<String> joined = new ArrayList<>();
        for (String input : merge.path("params").path("VIGIL_MERGE").asText().split(" ")) {
            joined.add(merge.path("input_mapping").path(input).asText(input));
        }
        return String.join(" ", joined);
    }

    /** Every step of every job's plan, however nested (in_parallel, do, ensure). */
    private static void collectSteps(JsonNode node, List<JsonNode> steps) {
        if (node.isArray()) {
            node.forEach(child -> collectSteps(child, steps));
        } else if (node.isObject()) {
            if (node.has("task") || node.has("get") || node.has("put")) {
                steps.add(node);
            }
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("config") && !field.getKey().equals("params")) {
                    collectSteps(field.getValue(), steps);
                }
            });
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
