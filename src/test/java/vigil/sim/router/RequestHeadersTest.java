package vigil.sim.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small parsers of the router: Host, X-Cf-App-Instance, hop-by-hop headers and backend addresses. */
class RequestHeadersTest {

    private static final String GUID = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";

    @Test
    void takesTheRouteHostWithoutPortInLowerCase() {
        assertThat(RequestHost.of("App.Example.COM:8080", "127.0.0.1")).contains("app.example.com");
        assertThat(RequestHost.of("app.example.com", "127.0.0.1")).contains("app.example.com");
        assertThat(RequestHost.of("[::1]:8080", "127.0.0.1")).contains("[::1]");
    }

    @Test
    void findsNoHostWhenItIsMissingOrTheClientsOwnAddress() {
        assertThat(RequestHost.of(null, "127.0.0.1")).isEmpty();
        assertThat(RequestHost.of(" ", "127.0.0.1")).isEmpty();
        assertThat(RequestHost.of("127.0.0.1:61000", "127.0.0.1")).isEmpty();
    }

    @Test
    void readsAppInstanceHeaderInGoroutersFormat() {
        assertThat(AppInstanceHeader.parse(GUID + ":12")).contains(new AppInstanceHeader(GUID, "12"));
        assertThat(AppInstanceHeader.parse(GUID.toUpperCase() + ":1")).isEmpty();
        assertThat(AppInstanceHeader.parse(GUID)).isEmpty();
        assertThat(AppInstanceHeader.parse(GUID + ":-1")).isEmpty();
        assertThat(AppInstanceHeader.parse("app:1")).isEmpty();
    }

    @Test
    void matchesTheIndexAsText() {
        Backend first = new Backend(GUID, 1, "i", "127.0.0.1", 1);

        assertThat(new AppInstanceHeader(GUID, "1").names(first)).isTrue();
        assertThat(new AppInstanceHeader(GUID, "01").names(first)).isFalse();
        assertThat(new AppInstanceHeader(GUID, "99999999999999999999").names(first)).isFalse();
    }

    @Test
    void dropsHopByHopHeadersAndThoseNamedInConnection() {
        Map<String, List<String>> kept = HopByHopHeaders.removedFrom(Map.of(
                "connection", List.of("close, X-Hop"),
                "X-HOP", List.of("1"),
                "Transfer-Encoding", List.of("chunked"),
                "Keep-Alive", List.of("timeout=5"),
                "Accept", List.of("text/plain")));

        assertThat(kept).containsOnlyKeys("Accept");
        assertThat(kept.get("accept")).as("looked up case-insensitively").containsExactly("text/plain");
    }

    @Test
    void acceptsOnlyLoopbackBackendsWithoutLookingNamesUp() {
        assertThat(LoopbackHost.isLoopback("127.0.0.1")).isTrue();
        assertThat(LoopbackHost.isLoopback("127.1.2.3")).isTrue();
        assertThat(LoopbackHost.isLoopback("localhost")).isTrue();
        assertThat(LoopbackHost.isLoopback("::1")).isTrue();
        assertThat(LoopbackHost.isLoopback("[::1]")).isTrue();
        assertThat(LoopbackHost.isLoopback("10.0.0.1")).isFalse();
        assertThat(LoopbackHost.isLoopback("example.com")).isFalse();
        assertThat(LoopbackHost.isLoopback("127.0.0.1.nip.io")).isFalse();
        assertThat(LoopbackHost.isLoopback(null)).isFalse();
    }
}
