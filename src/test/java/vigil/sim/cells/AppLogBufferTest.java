package vigil.sim.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AppLogBufferTest {

    private static LogLine line(String app, int n) {
        return new LogLine(Instant.EPOCH.plusSeconds(n), app, "APP/PROC/WEB", "0", false, "line " + n);
    }

    @Test
    void keepsOnlyTheNewestLinesPerAppOldestFirst() {
        AppLogBuffer buffer = new AppLogBuffer(3);
        for (int n = 1; n <= 5; n++) {
            buffer.add(line("app-a", n));
        }
        buffer.add(line("app-b", 9));

        assertThat(buffer.recent("app-a", 10)).extracting(LogLine::text).containsExactly("line 3", "line 4", "line 5");
        assertThat(buffer.recent("app-a", 2)).extracting(LogLine::text).containsExactly("line 4", "line 5");
        assertThat(buffer.recent("app-b", 10)).extracting(LogLine::text).containsExactly("line 9");
        assertThat(buffer.recent("unknown", 10)).isEmpty();
        assertThat(buffer.recent("app-a", 0)).isEmpty();
    }
}
