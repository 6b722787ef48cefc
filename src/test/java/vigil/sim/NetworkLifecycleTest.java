package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.network.ContainerNetwork;
import vigil.sim.network.TcpRouter;

/**
 * What the TCP router and the container network open, they close: a route's port or an internal hostname's
 * overlay address goes when the route goes, an app's hosts file when the app goes, everything on close.
 */
class NetworkLifecycleTest {
    private static final Duration RECONCILED = Duration.ofSeconds(5);

    @TempDir
    Path workDir;
    private CcFixture cc;
    private String space;

    @BeforeEach
    void start() throws IOException {
        cc = new CcFixture(workDir);
        space = cc.createSpace("s", cc.createOrg("o"));
    }

    @AfterEach
    void stop() {
        cc.close();
    }

    @Test
    void aTcpRoutesPortIsOpenWhileTheRouteExistsAndClosedWithTheRouter() throws Exception {
        try (TcpRouter router = TcpRouter.start(cc.cc.network(), cc.runtime)) {
            String group = cc.get("/routing/v1/router_groups").json().get(0).get("guid").asText();
            String domain = cc.post("/v3/domains", "{\"name\":\"tcp.life.test\",\"router_group\":{\"guid\":\"" + group
                    + "\"}}").json().get("guid").asText();
            var route = cc.post("/v3/routes", "{\"relationships\":{\"space\":{\"data\":{\"guid\":\"" + space
                    + "\"}},\"domain\":{\"data\":{\"guid\":\"" + domain + "\"}}}}").json();
            int port = route.get("port").asInt();
            assertThat(router.ports()).containsExactly(port);
            new Socket(router.address(), port).close();

            cc.awaitJob(cc.delete("/v3/routes/" + route.get("guid").asText()));

            await("the deleted route's port closed").atMost(RECONCILED).until(router::ports, java.util.Set::isEmpty);
            assertThatThrownBy(() -> new Socket(router.address(), port).close()).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void anInternalHostnameResolvesForAnAppUntilItsRouteOrTheAppGoes() throws Exception {
        String app = cc.createApp("source", space);
        String internal = cc.get("/v3/domains?names=apps.internal").json().at("/resources/0/guid").asText();
        try (ContainerNetwork network = ContainerNetwork.start(cc.cc.network(), cc.runtime)) {
            List<String> flags = network.jvmFlags(app);
            Path hosts = Path.of(flags.get(0).substring("-Djdk.net.hosts.file=".length()));
            assertThat(flags.get(1)).startsWith("-Djava.security.properties=");
            assertThat(Files.readString(hosts)).contains("127.0.0.1 localhost").doesNotContain("apps.internal");

            String route = cc.post("/v3/routes", "{\"host\":\"backend\",\"relationships\":{\"space\":{\"data\":{\"guid\":\""
                    + space + "\"}},\"domain\":{\"data\":{\"guid\":\"" + internal + "\"}}}}").json().get("guid").asText();
            await("backend.apps.internal in the app's hosts file").atMost(RECONCILED)
                    .until(() -> Files.readString(hosts), text -> text.matches("(?s).*127\\.\\d+\\.\\d+\\.\\d+ backend\\.apps\\.internal\\n.*"));
            assertThat(network.listeners()).isEqualTo(1);

            cc.awaitJob(cc.delete("/v3/routes/" + route));
            await("the overlay of the deleted route closed").atMost(RECONCILED).until(network::listeners, n -> n == 0);
            assertThat(Files.readString(hosts)).doesNotContain("backend.apps.internal");

            cc.awaitJob(cc.delete("/v3/apps/" + app));
            await("the deleted app's hosts file removed").atMost(RECONCILED).until(() -> !Files.exists(hosts));
        }
    }
}
