package vigil.sim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListQueryTest {

    private static ListQuery parse(Map<String, String> query) {
        return ListQuery.parse(query, List.of("names"), List.of("name"));
    }

    @Test
    void defaultsToTheFirstPageOfFifty() {
        ListQuery query = parse(Map.of());
        assertThat(query.page()).isEqualTo(1);
        assertThat(query.perPage()).isEqualTo(50);
        assertThat(query.filters()).isEmpty();
    }

    @Test
    void readsIntegersAsRubyDoesAndKeepsFilters() {
        ListQuery query = parse(Map.of("page", "3x", "per_page", "10", "names", "a,b", "order_by", "-name"));
        assertThat(query.page()).isEqualTo(3);
        assertThat(query.perPage()).isEqualTo(10);
        assertThat(query.filters()).isEqualTo(Map.of("names", "a,b", "order_by", "-name"));
    }

    @Test
    void reportsEveryProblemWithCcMessages() {
        assertThatThrownBy(() -> parse(Map.of("page", "0", "per_page", "5001", "order_by", "size")))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.error()).isEqualTo(CcError.BAD_QUERY_PARAMETER);
                    assertThat(e.detail()).isEqualTo("The query parameter is invalid: Page must be a positive integer, "
                            + "Per page must be between 1 and 5000, Order by can only be: 'created_at', 'updated_at', 'name'");
                });
    }
}
