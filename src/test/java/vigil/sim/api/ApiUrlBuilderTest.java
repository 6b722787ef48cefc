package vigil.sim.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiUrlBuilderTest {

    private final ApiUrlBuilder urls = new ApiUrlBuilder(URI.create("http://127.0.0.1:8080/"));

    @Test
    void buildsAbsoluteUrlsWithoutDoubleSlashes() {
        assertThat(urls.url()).isEqualTo("http://127.0.0.1:8080");
        assertThat(urls.url("/v3/apps")).isEqualTo("http://127.0.0.1:8080/v3/apps");
    }

    @Test
    void queriesAreEscapedLikeRubyCgiAndSorted() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("per_page", "50");
        query.put("names", "a b,c*~");
        query.put("page", "1");

        assertThat(urls.url("/v3/organizations", query))
                .isEqualTo("http://127.0.0.1:8080/v3/organizations?names=a+b%2Cc%2A~&page=1&per_page=50");
        assertThat(urls.url("/v3/x", Map.of())).isEqualTo("http://127.0.0.1:8080/v3/x");
    }
}
