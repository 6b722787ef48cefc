package vigil.cf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    private final Removals cleanup;
    private final List<String> leftBehind = new ArrayList<>();
    /** Scenarios still running: a stopped run removes what they made first (service keys before instances before brokers). */
    private final Set<ScenarioWorkspace> openScenarios = ConcurrentHashMap.newKeySet();

    private RunWorkspace(CfClient cf, ResourceNames names, Organization organization, Space runSpace,
                         DropletCache droplets, Removals cleanup) {
        this.cleanup = cleanup;
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
        Removals undo = new Removals();
        Removals whole = new Removals();
        try {
            Organization org;
            if (existingOrganization == null) {
                org = cf.organizations().create(names.organization());
                // With a new org, deleting it removes all the rest.
                whole.push("organization " + org.name(), () -> cf.organizations().delete(org.guid()));
                undo.push("organization " + org.name(), () -> cf.organizations().delete(org.guid()));
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
                undo.push("space " + created.name(), () -> cf.spaces().delete(created.guid()));
                space = created;
            }
            App holder = cf.apps().create(names.next("droplets"), space.guid(), Map.of());
            undo.push("app " + holder.name(), () -> cf.apps().delete(holder.guid()));
            return new RunWorkspace(cf, names, org, space, new DropletCache(holder.guid()),
                    existingOrganization == null ? whole : undo);
        } catch (RuntimeException e) {
            // Best effort while failing already; the original error is what the user needs.
            undo.removeAll();
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

    /**
     * Removes what the run created (what the CF no longer has counts as removed); safe to call again and from
     * another thread (an abort). Never throws: what could not be removed (a CF that went away, a token it no
     * longer accepts) is kept for {@link #leftBehind()}, each naming the thing and why.
     */
    @Override
    public synchronized void close() {
        for (ScenarioWorkspace scenario : List.copyOf(openScenarios)) {
            leftBehind.addAll(scenario.removeNow());
        }
        leftBehind.addAll(cleanup.removeAll());
    }

    void opened(ScenarioWorkspace scenario) {
        openScenarios.add(scenario);
    }

    void closed(ScenarioWorkspace scenario) {
        openScenarios.remove(scenario);
    }

    /** What {@link #close()} could not remove, each naming the thing and why; empty when everything went. */
    public synchronized List<String> leftBehind() {
        return List.copyOf(leftBehind);
    }
}
