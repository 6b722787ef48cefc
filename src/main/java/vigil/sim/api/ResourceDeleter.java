package vigil.sim.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CC v3's recursive deletes, run inside delete jobs: an organization takes its spaces, private
 * domains and roles with it, a space its apps, routes, service instances and roles, an app its service
 * bindings, processes (stopped on the cells first), route destinations, packages, builds and droplets
 * (with their files).
 */
final class ResourceDeleter {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceDeleter.class);

    private final CcRepositories store;
    private final DesiredProcesses running;
    /** What else goes with an app (its tasks, its deployments), by app guid. */
    private final List<Consumer<String>> appDependents = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> spaceDependents = new CopyOnWriteArrayList<>();

    ResourceDeleter(CcRepositories store, DesiredProcesses running) {
        this.store = store;
        this.running = running;
    }

    /** Adds what is deleted with a space before anything else in it (managed services, brokers). */
    void alsoForSpace(Consumer<String> delete) {
        spaceDependents.add(delete);
    }

    /** Adds what is deleted with an app, before its processes are stopped. */
    void alsoForApp(Consumer<String> delete) {
        appDependents.add(delete);
    }

    void deleteOrganization(String guid) {
        store.spaces.where(space -> space.organizationGuid().equals(guid)).forEach(space -> deleteSpace(space.guid()));
        store.domains.where(domain -> guid.equals(domain.organizationGuid())).forEach(domain -> deleteDomain(domain.guid()));
        store.roles.where(role -> guid.equals(role.organizationGuid())).forEach(role -> store.roles.remove(role.guid()));
        store.organizations.remove(guid);
    }

    void deleteSpace(String guid) {
        spaceDependents.forEach(delete -> delete.accept(guid));
        store.apps.where(app -> app.spaceGuid().equals(guid)).forEach(app -> deleteApp(app.guid()));
        store.routes.where(route -> route.spaceGuid().equals(guid)).forEach(route -> store.routes.remove(route.guid()));
        store.serviceInstances.where(instance -> instance.spaceGuid().equals(guid))
                .forEach(instance -> store.serviceInstances.remove(instance.guid()));
        store.roles.where(role -> guid.equals(role.spaceGuid())).forEach(role -> store.roles.remove(role.guid()));
        store.spaces.remove(guid);
    }

    void deleteDomain(String guid) {
        store.routes.where(route -> route.domainGuid().equals(guid)).forEach(route -> store.routes.remove(route.guid()));
        store.domains.remove(guid);
    }

    void deleteRoute(String guid) {
        store.routeBindings.where(binding -> binding.routeGuid().equals(guid))
                .forEach(binding -> store.routeBindings.remove(binding.guid()));
        store.routes.remove(guid);
    }

    void deleteApp(String guid) {
        appDependents.forEach(delete -> delete.accept(guid));
        running.stop(guid);
        for (Route route : store.routes.where(route -> route.appGuids().contains(guid))) {
            store.routes.update(route.guid(), current -> current.withDestinations(
                    current.destinations().stream().filter(d -> !d.appGuid().equals(guid)).toList(), store.now()));
        }
        store.serviceBindings.where(binding -> binding.forApp(guid))
                .forEach(binding -> store.serviceBindings.remove(binding.guid()));
        store.processesOf(guid).forEach(process -> store.processes.remove(process.guid()));
        store.builds.where(build -> build.appGuid().equals(guid)).forEach(build -> store.builds.remove(build.guid()));
        store.packages.where(pkg -> pkg.appGuid().equals(guid)).forEach(pkg -> deletePackage(pkg.guid()));
        store.droplets.where(droplet -> droplet.appGuid().equals(guid)).forEach(droplet -> deleteDroplet(droplet.guid()));
        store.apps.remove(guid);
    }

    void deletePackage(String guid) {
        store.packages.remove(guid).ifPresent(pkg -> deleteFile(pkg.bits()));
    }

    void deleteDroplet(String guid) {
        store.droplets.remove(guid).ifPresent(droplet -> deleteFile(droplet.jar()));
    }

    /** Removes a stored file and its own directory; a failure is logged, as a blobstore delete failure is. */
    static void deleteFile(Path file) {
        if (file == null) {
            return;
        }
        deleteTree(file.getParent());
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.warn("could not delete {}", path, e);
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete {}", root, e);
        }
    }
}
