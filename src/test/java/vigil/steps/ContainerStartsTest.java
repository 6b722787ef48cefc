package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vigil.cf.AppLogLine;

class ContainerStartsTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static AppLogLine cell(int index, String text) {
        return new AppLogLine(T, "CELL", Integer.toString(index), false, text);
    }

    @Test
    void countsNewInstancesBetweenCreatingAndHealthy() {
        List<AppLogLine> lines = List.of(
                cell(0, "Cell cell-1 creating container for instance old-0"),
                cell(0, "Container became healthy"),
                cell(0, "Cell cell-2 creating container for instance new-0"),
                cell(1, "Cell cell-3 creating container for instance new-1"),
                new AppLogLine(T, "APP/PROC/WEB", "0", false, "Container became healthy (the app's own words)"),
                cell(0, "Container became healthy"),
                cell(2, "Cell cell-1 creating container for instance new-2"),
                cell(1, "Container became healthy"),
                cell(2, "Container became healthy"));

        assertThat(ContainerStarts.peakInFlight(lines, Set.of("old-0"))).isEqualTo(2);
    }

    @Test
    void instancesKnownBeforeAreNotCounted() {
        List<AppLogLine> lines = List.of(
                cell(0, "Cell cell-1 creating container for instance a"),
                cell(1, "Cell cell-2 creating container for instance b"),
                cell(2, "Cell cell-3 creating container for instance c"));

        assertThat(ContainerStarts.peakInFlight(lines, Set.of("a", "b", "c"))).isZero();
        assertThat(ContainerStarts.peakInFlight(lines, Set.of())).isEqualTo(3);
    }
}
