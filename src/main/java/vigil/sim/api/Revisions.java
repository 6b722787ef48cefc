package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * CC's RevisionResolver: when an app starts or is deployed, its processes run a revision; a new one is made
 * when the droplet, the environment variables or the process commands differ from the app's latest revision
 * ("Initial revision." for the first; CC's reasons otherwise, e.g. "New droplet deployed."), and rolling back makes a new one copying an earlier one ("Rolled back to revision N."). Revisions
 * are always enabled in the sim, as they are by default for new apps in CC.
 */
final class Revisions {

    static final String INITIAL = "Initial revision.";
    static final String NEW_DROPLET = "New droplet deployed.";
    static final String NEW_ENVIRONMENT = "New environment variables deployed.";

    private final CcRepositories store;

    Revisions(CcRepositories store) {
        this.store = store;
    }

    /** The app's revisions, oldest first. */
    List<Revision> of(String appGuid) {
        List<Revision> revisions = new ArrayList<>(store.revisions.where(r -> r.appGuid().equals(appGuid)));
        revisions.sort(Comparator.comparingInt(Revision::version));
        return revisions;
    }

    Optional<Revision> latest(String appGuid) {
        List<Revision> revisions = of(appGuid);
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
    }

    /** The revision the app's current droplet and environment make, new when they changed; now deployed. */
    synchronized Revision deployCurrent(String appGuid) {
        App app = store.app(appGuid);
        Optional<Revision> latest = latest(appGuid);
        List<String> reasons = new ArrayList<>();
        if (latest.isEmpty()) {
            reasons.add(INITIAL);
        } else {
            if (!Objects.equals(latest.get().dropletGuid(), app.dropletGuid())) {
                reasons.add(NEW_DROPLET);
            }
            if (!latest.get().environmentVariables().equals(app.environmentVariables())) {
                reasons.add(NEW_ENVIRONMENT);
            }
            reasons.addAll(commandChanges(latest.get().commands(), commands(appGuid)));
        }
        Revision deployed = reasons.isEmpty() ? latest.get()
                : create(app, app.dropletGuid(), app.environmentVariables(), String.join(" ", reasons));
        store.deployedRevisions.put(appGuid, deployed.guid());
        return deployed;
    }

    /** CC's process command reasons: a new process type, a custom start command added, removed or updated. */
    private static List<String> commandChanges(Map<String, String> before, Map<String, String> now) {
        List<String> reasons = new ArrayList<>();
        now.forEach((type, command) -> {
            if (!before.containsKey(type)) {
                reasons.add("New process type '" + type + "' added.");
            } else if (before.get(type) == null && command != null) {
                reasons.add("Custom start command added for '" + type + "' process.");
            } else if (before.get(type) != null && command == null) {
                reasons.add("Custom start command removed for '" + type + "' process.");
            } else if (!Objects.equals(before.get(type), command)) {
                reasons.add("Custom start command updated for '" + type + "' process.");
            }
        });
        return reasons;
    }

    /** Each process type's user command (null where the droplet's runs), as a revision keeps them. */
    private Map<String, String> commands(String appGuid) {
        Map<String, String> commands = new LinkedHashMap<>();
        store.processesOf(appGuid).forEach(process -> commands.put(process.type(), process.command()));
        return commands;
    }

    /**
     * A new revision with an earlier one's droplet and environment; the app takes both (CC's DeploymentCreate
     * with a revision). Now deployed. The two flags are test faults: the app keeps its droplet or its environment.
     */
    synchronized Revision rollBackTo(Revision target, boolean keepDroplet, boolean keepEnvironment) {
        App app = store.apps.update(target.appGuid(), current -> {
            App withDroplet = keepDroplet ? current : current.withDroplet(target.dropletGuid(), store.now());
            return keepEnvironment ? withDroplet : withDroplet.withEnvironment(target.environmentVariables(), store.now());
        }).orElseThrow(() -> CcError.notFound("App"));
        Revision rollback = create(app, app.dropletGuid(), app.environmentVariables(),
                "Rolled back to revision " + target.version() + ".");
        store.deployedRevisions.put(app.guid(), rollback.guid());
        return rollback;
    }

    /** A revision is deployable while its droplet is there and staged. */
    boolean deployable(Revision revision) {
        return store.droplets.get(revision.dropletGuid()).map(d -> Droplet.STAGED.equals(d.state())).orElse(false);
    }

    private Revision create(App app, String dropletGuid, ObjectNode environment, String description) {
        Map<String, String> commands = commands(app.guid());
        List<Sidecar> sidecars = store.sidecars.where(s -> s.appGuid().equals(app.guid()));
        int version = latest(app.guid()).map(r -> r.version() % 9999 + 1).orElse(1);
        Revision revision = new Revision(CcRepositories.newGuid(), app.guid(), version, dropletGuid, environment,
                commands, sidecars, description, store.now(), store.now(), Metadata.EMPTY);
        store.revisions.add(revision);
        return revision;
    }
}
