package vigil.sim.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The stored resources of one kind, in creation order (CC's default list order). CC is called
 * concurrently, so every method holds the repository's lock; the lock is reentrant, which lets an
 * update check a uniqueness rule against the other resources atomically.
 *
 * @param <T> immutable records; a change replaces the record
 */
final class Repository<T extends CcResource> {

    private final Map<String, T> resources = new LinkedHashMap<>();

    synchronized void add(T resource) {
        resources.put(resource.guid(), resource);
    }

    /** Adds the resource unless an existing one conflicts with it; false when one does. */
    synchronized boolean addUnless(T resource, Predicate<T> conflicts) {
        if (resources.values().stream().anyMatch(conflicts)) {
            return false;
        }
        resources.put(resource.guid(), resource);
        return true;
    }

    synchronized Optional<T> get(String guid) {
        return Optional.ofNullable(resources.get(guid));
    }

    synchronized boolean contains(String guid) {
        return resources.containsKey(guid);
    }

    /** Replaces the resource with the change's result; the change may throw to refuse. Empty if absent. */
    synchronized Optional<T> update(String guid, UnaryOperator<T> change) {
        T current = resources.get(guid);
        if (current == null) {
            return Optional.empty();
        }
        T changed = change.apply(current);
        resources.put(guid, changed);
        return Optional.of(changed);
    }

    synchronized Optional<T> remove(String guid) {
        return Optional.ofNullable(resources.remove(guid));
    }

    synchronized List<T> all() {
        return new ArrayList<>(resources.values());
    }

    synchronized List<T> where(Predicate<T> condition) {
        return resources.values().stream().filter(condition).toList();
    }

    synchronized boolean any(Predicate<T> condition) {
        return resources.values().stream().anyMatch(condition);
    }

    synchronized int size() {
        return resources.size();
    }
}
