package vigil.sim.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The query of a CC v3 list endpoint: {@code page}, {@code per_page}, {@code order_by} and the
 * endpoint's filters, validated with CC's messages (all problems reported together, as CC does).
 */
final class ListQuery {

    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 5000;

    /** The keys every CC list accepts, in the order CC lists them in its error message. */
    private static final List<String> COMMON_KEYS =
            List.of("page", "per_page", "order_by", "created_ats", "updated_ats", "guids");
    private static final Set<String> PAGINATION_KEYS = Set.of("page", "per_page");
    private static final Pattern LEADING_INTEGER = Pattern.compile("^\\s*([+-]?\\d+)");

    private final long page;
    private final int perPage;
    private final Map<String, String> filters;

    private ListQuery(long page, int perPage, Map<String, String> filters) {
        this.page = page;
        this.perPage = perPage;
        this.filters = Map.copyOf(filters);
    }

    /**
     * @param query       the request's query parameters
     * @param filterKeys  the endpoint's own keys, in CC's order
     * @param orderFields the fields {@code order_by} may name besides {@code created_at} and {@code updated_at}
     */
    static ListQuery parse(Map<String, String> query, List<String> filterKeys, List<String> orderFields) {
        List<String> problems = new ArrayList<>();
        String page = query.get("page");
        String perPage = query.get("per_page");
        if (page != null && rubyInteger(page) <= 0) {
            problems.add("Page must be a positive integer");
        }
        if (perPage != null) {
            long value = rubyInteger(perPage);
            if (value <= 0) {
                problems.add("Per page must be a positive integer");
            } else if (value > MAX_PER_PAGE) {
                problems.add("Per page must be between 1 and " + MAX_PER_PAGE);
            }
        }
        List<String> orderValues = new ArrayList<>(List.of("created_at", "updated_at"));
        orderValues.addAll(orderFields);
        String orderBy = query.get("order_by");
        if (orderBy != null && !orderBy.isEmpty() && !orderValues.contains(orderBy.replaceFirst("^[+-]", ""))) {
            problems.add("Order by can only be: " + quoted(orderValues));
        }
        List<String> allowed = new ArrayList<>(COMMON_KEYS);
        allowed.addAll(filterKeys);
        List<String> unknown = query.keySet().stream().filter(key -> !allowed.contains(key)).toList();
        if (!unknown.isEmpty()) {
            problems.add("Unknown query parameter(s): " + quoted(unknown) + ". Valid parameters are: " + quoted(allowed));
        }
        if (!problems.isEmpty()) {
            throw CcError.BAD_QUERY_PARAMETER.raise(String.join(", ", problems));
        }
        Map<String, String> filters = new LinkedHashMap<>(query);
        filters.keySet().removeAll(PAGINATION_KEYS);
        return new ListQuery(page == null ? 1 : rubyInteger(page),
                perPage == null ? DEFAULT_PER_PAGE : (int) rubyInteger(perPage), filters);
    }

    long page() {
        return page;
    }

    int perPage() {
        return perPage;
    }

    /** Everything but page and per_page, which the pagination links repeat. */
    Map<String, String> filters() {
        return filters;
    }

    /**
     * A filter's values, split at commas as CC splits its array parameters; empty when the query does
     * not have the filter ({@code names=} filters to nothing, as in CC).
     */
    Optional<List<String>> values(String key) {
        String value = filters.get(key);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(value.isEmpty() ? List.of() : List.of(value.split(",", -1)));
    }

    /** Ruby's {@code String#to_i}, which CC applies: leading digits, else 0 ("3x" is 3). */
    private static long rubyInteger(String value) {
        Matcher matcher = LEADING_INTEGER.matcher(value);
        if (!matcher.find()) {
            return 0;
        }
        try {
            return Long.parseLong(matcher.group(1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String quoted(List<String> values) {
        return values.stream().map(value -> "'" + value + "'").collect(Collectors.joining(", "));
    }
}
