package vigil.cf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What one scenario creates in the CF: its own space (or, with an existing space from the config, the apps
 * and routes it made there), removed by {@link #close()} whether the scenario passed or not.
 */
public final class ScenarioWorkspace implements AutoCloseable {
    private final RunWorkspace run;
    private final String existingSpace;
    private final Deque<Runnable> cleanup = new ArrayDeque<>();
    private Space space;

    /** @param existingSpace work in this space of the run's org instead of a new one, or {@code null} */
    public ScenarioWorkspace(RunWorkspace run, String existingSpace) {
        this.run = run;
        this.existingSpace = existingSpace;
    }

    /** The scenario's space, created on first use. */
    public synchronized Space space() {
        if (space == null) {
            CfClient cf = run.cf();
            if (existingSpace != null) {
                space = run.runSpace();
            } else {
                Space created = cf.spaces().create(run.names().next("space"), run.organization().guid());
                cleanup.push(() -> cf.spaces().delete(created.guid()));
                space = created;
            }
        }
        return space;
    }

    /** Pushes an app into the scenario's space; with an existing space, the app and route are removed at the end. */
    public PushedApp push(PushRequest request, boolean alwaysStage) {
        CfClient cf = run.cf();
        PushRequest inSpace = new PushRequest(request.name(), space().guid(), request.bits(), request.bitsKey(),
                request.instances(), request.environment(), request.host(), request.domain());
        try {
            PushedApp pushed = new PushOperation(cf, run.droplets(), alwaysStage).push(inSpace);
            if (existingSpace != null) {
                cleanup.push(() -> cf.routes().delete(pushed.route().guid()));
                cleanup.push(() -> cf.apps().delete(pushed.app().guid()));
            }
            return pushed;
        } catch (RuntimeException e) {
            if (existingSpace != null) {
                cf.apps().find(request.name(), space.guid()).ifPresent(app -> cleanup.push(() -> cf.apps().delete(app.guid())));
            }
            throw e;
        }
    }

    /** Something else the scenario made (a user, a service instance) to remove at its end, before its space. */
    public synchronized void removeAtEnd(Runnable removal) {
        cleanup.push(removal);
    }

    /** Removes everything the scenario created; returns what could not be removed (empty when all went). */
    @Override
    public synchronized void close() {
        List<String> failures = new ArrayList<>();
        while (!cleanup.isEmpty()) {
            try {
                cleanup.pop().run();
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("cleanup left something behind: " + String.join("; ", failures)
                    + " (vigil cleanup removes leftovers by name prefix)");
        }
    }
}
