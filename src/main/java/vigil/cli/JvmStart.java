package vigil.cli;

import java.lang.management.ManagementFactory;
import java.time.Instant;

/** When this JVM started: a run's wall time as a user waits for it includes the JVM's start, not only the run. */
final class JvmStart {
    private JvmStart() {
    }

    static Instant instant() {
        return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }
}
