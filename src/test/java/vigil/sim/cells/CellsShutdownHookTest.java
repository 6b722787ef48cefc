package vigil.sim.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CellsShutdownHookTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void instancesDieWithTheJvmThatRanThemWhenItIsTerminated() throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process sim = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                CellsInChildJvm.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long instancePid;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8))) {
                instancePid = Long.parseLong(out.readLine().trim());
            }
            assertThat(ProcessHandle.of(instancePid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

            sim.destroy();

            await("the sim JVM ended by SIGTERM").atMost(Duration.ofSeconds(20)).until(() -> !sim.isAlive());
            assertThat(ProcessHandle.of(instancePid).filter(ProcessHandle::isAlive)).as("instance process").isEmpty();
        } finally {
            sim.destroyForcibly();
        }
    }
}
