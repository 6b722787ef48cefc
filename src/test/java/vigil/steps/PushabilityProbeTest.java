package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vigil.availability.ProbeOutcome;
import vigil.availability.ProbeSpec;
import org.awaitility.core.ConditionTimeoutException;

/** Each check pushes and deletes an app; a failure is named by what failed; no app is left behind. */
class PushabilityProbeTest {
    private static final ProbeSpec SPEC = new ProbeSpec("pushability", "test", 1.0 / 60, Duration.ofSeconds(60));

    /** A CF whose push and delete fail as told, keeping the apps that exist. */
    private static final class FakeCf implements PushabilityProbe.AppCycle {
        final Set<String> apps = new HashSet<>();
        final List<String> calls = new ArrayList<>();
        RuntimeException pushFailure;
        boolean createdBeforeFailing;
        RuntimeException deleteFailure;

        @Override
        public void push(String name) {
            calls.add("push " + name);
            if (pushFailure != null) {
                if (createdBeforeFailing) {
                    apps.add(name);
                }
                throw pushFailure;
            }
            apps.add(name);
        }

        @Override
        public void delete(String name) {
            calls.add("delete " + name);
            if (deleteFailure != null) {
                throw deleteFailure;
            }
            apps.remove(name);
        }
    }

    private final FakeCf cf = new FakeCf();
    private final AtomicInteger n = new AtomicInteger();
    private final PushabilityProbe probe = new PushabilityProbe(SPEC, cf, () -> "push-" + n.incrementAndGet(), null);

    @Test
    void aPushThatRunsAndIsDeletedSucceeds() {
        assertThat(probe.attempt("push-1")).isEqualTo(ProbeOutcome.success(null, null));
        assertThat(cf.calls).containsExactly("push push-1", "delete push-1");
        assertThat(cf.apps).isEmpty();
    }

    @Test
    void aFailedPushIsNamedByWhatFailedAndItsHalfMadeAppIsDeleted() {
        cf.pushFailure = new ConditionTimeoutException("every instance of push-1 RUNNING within 60 s");
        cf.createdBeforeFailing = true;
        assertThat(probe.attempt("push-1").error()).isEqualTo("wait_timeout");
        assertThat(cf.apps).isEmpty();

        cf.pushFailure = new IllegalStateException("domain apps.example.com does not exist");
        assertThat(probe.attempt("push-2").error()).isEqualTo("error_IllegalStateException");
    }

    @Test
    void aPushWhoseAppCannotBeDeletedFailsAndTheAppIsLeftToTheCleanup() {
        cf.deleteFailure = new ConditionTimeoutException("the job deleting push-1 to end");
        ProbeOutcome outcome = probe.attempt("push-1");
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.error()).isEqualTo("delete_wait_timeout");
        assertThat(cf.apps).containsExactly("push-1");

        assertThat(probe.removeLeftovers()).as("still failing").containsExactly("push-1");
        cf.deleteFailure = null;
        assertThat(probe.removeLeftovers()).isEmpty();
        assertThat(cf.apps).isEmpty();
        assertThat(probe.removeLeftovers()).as("nothing deleted twice").isEmpty();
        assertThat(cf.calls.stream().filter(c -> c.startsWith("delete")).count()).isEqualTo(3);
    }
}
