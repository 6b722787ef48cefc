package vigil.steps;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import vigil.availability.Probe;
import vigil.availability.ProbeOutcome;
import vigil.availability.ProbeSpec;

/**
 * Whether apps can still be pushed: each check pushes a small app, waits until it runs, and deletes it again.
 * A failed push is named by what failed ({@code staging_failed}, {@code start_failed}, {@code wait_timeout},
 * {@code CF-...}); a push that worked
 * but whose app cannot be deleted fails as {@code delete_<kind>}. Every app is deleted by the check
 * that pushed it, whatever happened; those it could not delete (or that were still being pushed when the
 * measurement stopped) are left to {@link #removeLeftovers()}, which the scenario's cleanup calls.
 */
final class PushabilityProbe implements Probe {
    /** Pushes and deletes one app; the CF side of a check, replaced in tests. */
    interface AppCycle {
        /** Pushes an app of this name and waits until it runs. */
        void push(String name);

        /** Deletes the app of this name and its route, if they exist. */
        void delete(String name);
    }

    private final ProbeSpec spec;
    private final AppCycle cycle;
    private final Supplier<String> names;
    private final ExecutorService executor;
    /** Apps pushed (or being pushed) and not deleted yet. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    PushabilityProbe(ProbeSpec spec, AppCycle cycle, Supplier<String> names, ExecutorService executor) {
        this.spec = spec;
        this.cycle = cycle;
        this.names = names;
        this.executor = executor;
    }

    @Override
    public ProbeSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ProbeOutcome> fire(Instant scheduled) {
        String name = names.get();
        return CompletableFuture.supplyAsync(() -> attempt(name), executor);
    }

    ProbeOutcome attempt(String name) {
        pending.add(name);
        String pushFailure = null;
        try {
            cycle.push(name);
        } catch (RuntimeException e) {
            pushFailure = CfFailureKind.of(e);
        }
        try {
            cycle.delete(name);
            pending.remove(name);
        } catch (RuntimeException e) {
            if (pushFailure == null) {
                return ProbeOutcome.failure(null, "delete_" + CfFailureKind.of(e), null);
            }
        }
        return pushFailure == null ? ProbeOutcome.success(null, null) : ProbeOutcome.failure(null, pushFailure, null);
    }

    /** Deletes the apps no check could delete; returns the names of those that still could not be deleted. */
    List<String> removeLeftovers() {
        for (String name : List.copyOf(pending)) {
            try {
                cycle.delete(name);
                pending.remove(name);
            } catch (RuntimeException e) {
                // stays pending: reported below
            }
        }
        return List.copyOf(pending);
    }
}
