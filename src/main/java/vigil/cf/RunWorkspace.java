package vigil.cf;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Where one run works in the CF: its own org ({@code <prefix>-<runid>-org}) or, for runs with a non-admin
 * user, an existing org and space from the config, plus an app that holds the run's cached droplets.
 * {@link #close()} removes what the run created and nothing else.
 */
public final class RunWorkspace implements AutoCloseable {
    private final CfClient cf;
    private final ResourceNames names;
    private final Organization organization;
    private final Space runSpace;
    private final DropletCache droplets;
    private final Deque<Runnable> cleanup = new ArrayDeque<>();

    private RunWorkspace(CfClient cf, ResourceNames names, Organization organization, Space runSpace,
                         DropletCache droplets) {
        this.cf = cf;
        this.names = names;
        this.organization = organization;
        this.runSpace = runSpace;
        this.droplets = droplets;
    }

    /**
     * @param existingOrganization the org to work in instead of a new one, or {@code null}
     * @param existingSpace        with an existing org: the space for run-wide things, or {@code null} for a new one
     */
    public static RunWorkspace open(CfClient cf, ResourceNames names, String existingOrganization,
                                    String existingSpace) {
        Deque<Runnable> undo = new ArrayDeque<>();
        try {
            Organization org;
            if (existingOrganization == null) {
                org = cf.organizations().create(names.organization());
                undo.push(() -> cf.organizations().delete(org.guid()));
            } else {
                org = cf.organizations().find(existingOrganization).orElseThrow(() -> new IllegalStateException(
                        "existing_organization '" + existingOrganization + "' does not exist or is not visible to the user"));
            }
            Space space;
            if (existingOrganization != null && existingSpace != null) {
                space = cf.spaces().find(existingSpace, org.guid()).orElseThrow(() -> new IllegalStateException(
                        "existing_space '" + existingSpace + "' does not exist in org '" + org.name() + "'"));
            } else {
                Space created = cf.spaces().create(names.next("space"), org.guid());
                undo.push(() -> cf.spaces().delete(created.guid()));
                space = created;
            }
            App holder = cf.apps().create(names.next("droplets"), space.guid(), Map.of());
            undo.push(() -> cf.apps().delete(holder.guid()));
            RunWorkspace workspace = new RunWorkspace(cf, names, org, space, new DropletCache(holder.guid()));
            // What the run created is removed in reverse order; with a new org, deleting it removes all the rest.
            if (existingOrganization == null) {
                workspace.cleanup.push(undo.getLast());
            } else {
                workspace.cleanup.addAll(undo);
            }
            return workspace;
        } catch (RuntimeException e) {
            undo.forEach(RunWorkspace::runQuietly);
            throw e;
        }
    }

    public Organization organization() {
        return organization;
    }

    /** The space run-wide things live in (the droplet holder). */
    public Space runSpace() {
        return runSpace;
    }

    public ResourceNames names() {
        return names;
    }

    public DropletCache droplets() {
        return droplets;
    }

    public CfClient cf() {
        return cf;
    }

    /** Removes what the run created; safe to call again and from another thread (an abort). */
    @Override
    public synchronized void close() {
        while (!cleanup.isEmpty()) {
            cleanup.pop().run();
        }
    }

    private static void runQuietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException ignored) {
            // Best effort while failing already; the original error is what the user needs.
        }
    }
}
