package vigil.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable<String> routes = new RouteTable<String>()
            .add("GET", "/", "root")
            .add("GET", "/v3/apps", "list")
            .add("GET", "/v3/apps/{guid}", "show")
            .add("POST", "/v3/apps/{guid}/actions/start", "start");

    @Test
    void matchesLiteralAndTemplatedPaths() {
        assertThat(routes.match("GET", "/").orElseThrow().value()).isEqualTo("root");
        assertThat(routes.match("GET", "/v3/apps").orElseThrow().value()).isEqualTo("list");
        RouteTable.Match<String> show = routes.match("GET", "/v3/apps/abc-123").orElseThrow();
        assertThat(show.value()).isEqualTo("show");
        assertThat(show.pathParams()).isEqualTo(Map.of("guid", "abc-123"));
        assertThat(routes.match("post", "/v3/apps/x/actions/start").orElseThrow().pathParams()).containsEntry("guid", "x");
    }

    @Test
    void methodSegmentCountAndEmptyParametersMustFit() {
        assertThat(routes.match("DELETE", "/v3/apps")).isEmpty();
        assertThat(routes.match("GET", "/v3/apps/x/y")).isEmpty();
        assertThat(routes.match("GET", "/v3/apps/")).isEmpty();
        assertThat(routes.match("GET", "/v3/app")).isEmpty();
    }

    @Test
    void knowsPathsWhateverTheMethod() {
        assertThat(routes.knowsPath("/v3/apps/x/actions/start")).isTrue();
        assertThat(routes.knowsPath("/v3/nothing")).isFalse();
    }
}
