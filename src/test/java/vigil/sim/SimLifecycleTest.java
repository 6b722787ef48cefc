package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimLifecycleTest {

    @Test
    void writeConfigWritesTheHarnessKeysOwnerOnly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("nested/sim.yml");
        try (Sim sim = Sim.start(SimOptions.defaults())) {
            sim.writeConfig(file);

            String text = Files.readString(file);
            assertThat(text.lines().findFirst().orElseThrow()).startsWith("#").contains("vigil sim").contains("password");
            JsonNode yaml = new YAMLMapper().readTree(text);
            assertThat(CloudControllerEndpointsTest.fieldNames(yaml))
                    .containsExactly("api", "apps_domain", "admin_user", "admin_password", "skip_ssl_validation",
                            "router_address", "use_http", "include_tasks", "include_deployments", "include_services",
                            "include_user_provided_services", "include_ssh", "include_route_services",
                            "include_service_instance_sharing");
            assertThat(yaml.get("router_address").asText()).isEqualTo(sim.routerAddress()).startsWith("127.0.0.1:");
            assertThat(yaml.get("use_http").asBoolean()).isTrue();
            assertThat(yaml.get("api").asText()).isEqualTo(sim.apiUrl().toString()).startsWith("http://");
            assertThat(yaml.get("apps_domain").asText()).isEqualTo(sim.appsDomain());
            assertThat(yaml.get("admin_user").asText()).isEqualTo("admin");
            assertThat(yaml.get("admin_password").asText()).isEqualTo(sim.adminPassword());
            assertThat(yaml.get("skip_ssl_validation").isBoolean()).isTrue();
            assertThat(yaml.get("skip_ssl_validation").asBoolean()).isFalse();
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
            try (var leftovers = Files.list(file.getParent())) {
                assertThat(leftovers).containsExactly(file);
            }
        }
    }

    @Test
    void writeConfigReplacesAnExistingFileAndTightensItsMode(@TempDir Path dir) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("sim.yml");
        Files.writeString(file, "stale_key: true\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (Sim sim = Sim.start(SimOptions.defaults().withAdminPassword("given-password"))) {
            sim.writeConfig(file);
        }

        assertThat(Files.readString(file)).contains("given-password").doesNotContain("stale_key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void closeFreesBothPortsAndIsIdempotent() throws IOException {
        Sim sim = Sim.start(SimOptions.defaults());
        int apiPort = sim.apiUrl().getPort();
        int uaaPort = sim.uaaUrl().getPort();

        sim.close();
        sim.close();

        for (int port : List.of(apiPort, uaaPort)) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void givenPortsAreUsed() throws IOException {
        int apiPort;
        int uaaPort;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            apiPort = a.getLocalPort();
            uaaPort = b.getLocalPort();
        }
        try (Sim sim = Sim.start(SimOptions.defaults().withApiPort(apiPort).withUaaPort(uaaPort))) {
            assertThat(sim.apiUrl().getPort()).isEqualTo(apiPort);
            assertThat(sim.uaaUrl().getPort()).isEqualTo(uaaPort);
        }
    }

    @Test
    void aPortInUseFailsTheStartAndLeavesNothingRunning() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int uaaPort;
            try (ServerSocket free = new ServerSocket(0)) {
                uaaPort = free.getLocalPort();
            }
            SimOptions options = SimOptions.defaults().withApiPort(taken.getLocalPort()).withUaaPort(uaaPort);

            assertThatThrownBy(() -> Sim.start(options)).isInstanceOf(IOException.class);

            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), uaaPort));
            }
        }
    }

    @Test
    void optionsDefaultsAndValidation() {
        SimOptions defaults = SimOptions.defaults();
        assertThat(defaults.apiPort()).isZero();
        assertThat(defaults.uaaPort()).isZero();
        assertThat(defaults.adminPassword()).isNull();
        assertThat(defaults.tokenLifetime()).isEqualTo(Duration.ofSeconds(1200));
        assertThat(new SimOptions(0, 0, 0, 3, null, null).tokenLifetime()).isEqualTo(Duration.ofSeconds(1200));
        assertThat(defaults.withTokenLifetime(Duration.ofSeconds(5)).tokenLifetime()).isEqualTo(Duration.ofSeconds(5));

        assertThatThrownBy(() -> defaults.withApiPort(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withUaaPort(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withTokenLifetime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withAdminPassword("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordsStayOutOfToString() throws IOException {
        SimOptions options = SimOptions.defaults().withAdminPassword("do-not-print-me");
        assertThat(options.toString()).doesNotContain("do-not-print-me");
        try (Sim sim = Sim.start(options)) {
            assertThat(sim.toString()).doesNotContain("do-not-print-me");
        }
    }

    @Test
    void generatedPasswordsDiffer() throws IOException {
        try (Sim one = Sim.start(SimOptions.defaults()); Sim two = Sim.start(SimOptions.defaults())) {
            assertThat(one.adminPassword()).matches("[A-Za-z0-9]{24}").isNotEqualTo(two.adminPassword());
        }
    }
}
