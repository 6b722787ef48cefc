package vigil.sim.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceEnvironmentTest {

    private static DesiredProcess process(Map<String, String> env, int memoryMb) {
        return new DesiredProcess("p", "a", "web", Path.of("app.jar"), null, 1, memoryMb, 1024, env, null, "v1");
    }

    @Test
    void letsTheCellsOwnVariablesWinOverTheAppsAndPassesOnlyPath() {
        Map<String, String> env = InstanceEnvironment.of(process(Map.of("PORT", "1", "MY_VAR", "x"), 0), 2, "guid-2",
                8080, Path.of("/w/i"), Path.of("/w/i/tmp"), null);

        assertThat(env).containsEntry("PORT", "8080").containsEntry("MY_VAR", "x")
                .containsEntry("PATH", InstanceEnvironment.DEFAULT_PATH).containsEntry("MEMORY_LIMIT", "1024m")
                .containsEntry("CF_INSTANCE_ADDR", "127.0.0.1:8080").containsEntry("INSTANCE_INDEX", "2")
                .containsEntry("HOME", "/w/i").containsEntry("TMPDIR", "/w/i/tmp")
                .containsEntry("VCAP_APPLICATION",
                        "{\"instance_index\":2,\"instance_id\":\"guid-2\",\"host\":\"0.0.0.0\",\"port\":8080}");
    }

    @Test
    void mergesTheInstanceFieldsIntoCcsVcapApplication() {
        String merged = InstanceEnvironment.vcapApplication("{\"application_name\":\"n\",\"instance_index\":9}", 1,
                "g", 7);

        assertThat(merged).isEqualTo(
                "{\"application_name\":\"n\",\"instance_index\":1,\"instance_id\":\"g\",\"host\":\"0.0.0.0\",\"port\":7}");
    }

    @Test
    void rejectsAVcapApplicationThatIsNotAJsonObject() {
        assertThatThrownBy(() -> InstanceEnvironment.vcapApplication("[1]", 0, "g", 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> InstanceEnvironment.vcapApplication("{nope", 0, "g", 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
    }
}
