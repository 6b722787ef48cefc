package vigil.cf;

import java.util.List;

/**
 * What one scenario creates in the CF: its own space (or, with an existing space from the config, the apps
 * and routes it made there), removed by {@link #close()} whether the scenario passed or not.
 */
public final class ScenarioWorkspace implements AutoCloseable {
    private final RunWorkspace run;
    private final String existingSpace;
    private final Removals cleanup = new Removals();
    private Space space;

    /** @param existingSpace work in this space of the run's org instead of a new one, or {@code null} */
    public ScenarioWorkspace(RunWorkspace run, String existingSpace) {
        this.run = run;
        this.existingSpace = existingSpace;
        run.opened(this);
    }

    /** The scenario's space, created on first use. */
    public synchronized Space space() {
        if (space == null) {
            CfClient cf = run.cf();
            if (existingSpace != null) {
                space = run.runSpace();
            } else {
                Space created = cf.spaces().create(run.names().next("space"), run.organization().guid());
                cleanup.push("space " + created.name(), () -> cf.spaces().delete(created.guid()));
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
                cleanup.push("route " + pushed.route().url(), () -> cf.routes().delete(pushed.route().guid()));
                cleanup.push("app " + pushed.app().name(), () -> cf.apps().delete(pushed.app().guid()));
            }
            return pushed;
        } catch (RuntimeException e) {
            if (existingSpace != null) {
                cf.apps().find(request.name(), space.guid()).ifPresent(app -> cleanup.push("app " + app.name(),
                        () -> cf.apps().delete(app.guid())));
            }
            throw e;
        }
    }

    /** Something else the scenario made (a user, a service instance) to remove at its end, before its space. */
    public synchronized void removeAtEnd(String what, Runnable removal) {
        cleanup.push(what, removal);
    }

    /** For a run that is stopped while the scenario runs: removes what it made so far, returns what stayed. */
    List<String> removeNow() {
        return cleanup.removeAll();
    }

    /**
     * Removes everything the scenario created (what the CF no longer has counts as removed).
     *
     * @throws IllegalStateException naming what could not be removed, so the scenario fails saying so
     */
    @Override
    public synchronized void close() {
        List<String> failures = cleanup.removeAll();
        run.closed(this);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("cleanup left something behind: " + String.join("; ", failures)
                    + " (vigil cleanup removes leftovers by name prefix)");
        }
    }
}
