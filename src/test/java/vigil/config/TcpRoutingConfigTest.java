package vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.config.ConfigFixtures.VALID_YAML;
import static vigil.config.ConfigFixtures.failure;
import static vigil.config.ConfigFixtures.load;
import static vigil.config.ConfigFixtures.write;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CATS's {@code tcp_domain} and Vigil's {@code tcp_router_address}, and what {@code include_tcp_routing} needs. */
class TcpRoutingConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsTcpDomainAndRouterAddressFromTheFile() throws ConfigException {
        VigilConfig config = load(write(dir, "env.yml", VALID_YAML + "tcp_domain: tcp.example.com\n"
                + "tcp_router_address: 10.0.0.6\ninclude_tcp_routing: true\n")).config();

        assertThat(config.tcpDomain()).isEqualTo("tcp.example.com");
        assertThat(config.tcpRouterAddress()).isEqualTo("10.0.0.6");
        assertThat(config.redactedView()).containsEntry("tcp_domain", "tcp.example.com")
                .containsEntry("tcp_router_address", "10.0.0.6");
    }

    @Test
    void environmentVariablesGiveThemToo() throws ConfigException {
        VigilConfig config = load(write(dir, "env.yml", VALID_YAML),
                Map.of("CF_TCP_DOMAIN", "tcp.env.example.com", "CF_TCP_ROUTER_ADDRESS", "tcp-lb.example.com"),
                ConfigOverrides.none()).config();

        assertThat(config.tcpDomain()).isEqualTo("tcp.env.example.com");
        assertThat(config.tcpRouterAddress()).isEqualTo("tcp-lb.example.com");
    }

    @Test
    void tcpRoutingSwitchedOnWithoutATcpDomainIsAProblemNamingTheKey() {
        ConfigException e = failure(write(dir, "env.yml", VALID_YAML + "include_tcp_routing: true\n"));

        assertThat(e.problems()).singleElement().asString().startsWith("tcp_domain: missing")
                .contains("required because include_tcp_routing is true");
    }

    @Test
    void aRouterAddressWithAPortIsRejected() {
        ConfigException e = failure(write(dir, "env.yml", VALID_YAML + "tcp_router_address: 10.0.0.6:1024\n"));

        assertThat(e.problems()).singleElement().asString().startsWith("tcp_router_address: must be a host name")
                .contains("without scheme or port");
    }

    @Test
    void neitherIsNeededWithoutTcpRouting() throws ConfigException {
        VigilConfig config = load(write(dir, "env.yml", VALID_YAML)).config();

        assertThat(config.tcpDomain()).isNull();
        assertThat(config.tcpRouterAddress()).isNull();
        assertThat(config.include("include_tcp_routing")).isFalse();
        assertThat(config.include("include_container_networking")).isFalse();
    }
}
