package vigil.sim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vigil.sim.http.JsonWriter;

class PaginatedListTest {

    private final ApiUrlBuilder urls = new ApiUrlBuilder(URI.create("http://api"));
    private final List<ObjectNode> five = IntStream.rangeClosed(1, 5)
            .mapToObj(i -> JsonWriter.object().put("n", i))
            .toList();

    private ObjectNode page(String page, String perPage) {
        ListQuery query = ListQuery.parse(Map.of("page", page, "per_page", perPage), List.of(), List.of());
        return PaginatedList.of(urls, "/v3/things", query, five);
    }

    @Test
    void aMiddlePageLinksBothWays() {
        ObjectNode document = page("2", "2");

        assertThat(document.at("/pagination/total_results").asInt()).isEqualTo(5);
        assertThat(document.at("/pagination/total_pages").asInt()).isEqualTo(3);
        assertThat(document.at("/pagination/first/href").asText()).isEqualTo("http://api/v3/things?page=1&per_page=2");
        assertThat(document.at("/pagination/last/href").asText()).isEqualTo("http://api/v3/things?page=3&per_page=2");
        assertThat(document.at("/pagination/next/href").asText()).isEqualTo("http://api/v3/things?page=3&per_page=2");
        assertThat(document.at("/pagination/previous/href").asText()).isEqualTo("http://api/v3/things?page=1&per_page=2");
        assertThat(document.get("resources")).extracting(node -> node.get("n").asInt()).containsExactly(3, 4);
    }

    @Test
    void theLastPageIsPartialAndHasNoNext() {
        ObjectNode document = page("3", "2");

        assertThat(document.at("/pagination/next").isNull()).isTrue();
        assertThat(document.get("resources")).extracting(node -> node.get("n").asInt()).containsExactly(5);
    }

    @Test
    void aPageBeyondTheEndIsEmptyButStillLinksBack() {
        ObjectNode document = page("9999999999", "5000");

        assertThat(document.get("resources")).isEmpty();
        assertThat(document.at("/pagination/total_pages").asInt()).isEqualTo(1);
        assertThat(document.at("/pagination/previous/href").asText()).isEqualTo("http://api/v3/things?page=9999999998&per_page=5000");
    }
}
