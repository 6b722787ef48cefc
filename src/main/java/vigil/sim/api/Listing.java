package vigil.sim.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Applies a list query to stored resources: the endpoint's filters (each a comma-separated list of
 * accepted values), {@code guids}, {@code label_selector}, and {@code order_by}. The default order is
 * creation order, as CC's is by id.
 *
 * <pre>{@code
 * new Listing<App>(query).filter("names", App::name).filter("space_guids", App::spaceGuid).orderByName(App::name)
 *     .apply(apps.all());
 * }</pre>
 */
final class Listing<T extends CcResource> {

    private final ListQuery query;
    private final List<Predicate<T>> conditions = new ArrayList<>();
    private Function<T, String> name;

    Listing(ListQuery query) {
        this.query = query;
        filter("guids", CcResource::guid);
        query.values("label_selector").ifPresent(values -> {
            LabelSelector selector = LabelSelector.parse(query.filters().get("label_selector"));
            conditions.add(resource -> selector.matches(resource.metadata().labels()));
        });
    }

    /** Keeps resources whose field is one of the filter's values, when the query has the filter. */
    Listing<T> filter(String key, Function<T, String> field) {
        query.values(key).ifPresent(values -> {
            Set<String> accepted = Set.copyOf(values);
            // A field without a value (an unnamed binding, a global broker's space) matches no filter value.
            conditions.add(resource -> {
                String value = field.apply(resource);
                return value != null && accepted.contains(value);
            });
        });
        return this;
    }

    /** Like {@link #filter} for a resource with several values (a route's app guids). */
    Listing<T> filterAny(String key, Function<T, Collection<String>> field) {
        query.values(key).ifPresent(values -> {
            Set<String> accepted = Set.copyOf(values);
            conditions.add(resource -> field.apply(resource).stream().anyMatch(value -> value != null && accepted.contains(value)));
        });
        return this;
    }

    Listing<T> orderByName(Function<T, String> nameField) {
        this.name = nameField;
        return this;
    }

    List<T> apply(Collection<T> resources) {
        List<T> result = new ArrayList<>(resources.stream().filter(r -> conditions.stream().allMatch(c -> c.test(r))).toList());
        String orderBy = query.filters().getOrDefault("order_by", "");
        boolean descending = orderBy.startsWith("-");
        Comparator<T> order = switch (orderBy.replaceFirst("^[+-]", "")) {
            case "created_at" -> Comparator.comparing(CcResource::createdAt);
            case "updated_at" -> Comparator.comparing(CcResource::updatedAt);
            case "name" -> name == null ? null : Comparator.comparing(name);
            default -> null;
        };
        if (order != null) {
            // A stable sort keeps creation order among equal keys (timestamps have whole seconds).
            result.sort(descending ? order.reversed() : order);
        }
        return result;
    }
}
