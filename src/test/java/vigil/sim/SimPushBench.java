package vigil.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import vigil.testapp.TestAppJar;

/**
 * For {@code bench/sim-push.sh}: the embedded CF's start time, and the time from package upload to the first
 * 200 through the router (upload, stage, assign droplet, map route, start, first answer), median of N pushes.
 * Not a test: run with {@code java -cp target/vigil.jar:target/test-classes vigil.sim.SimPushBench [N]}.
 */
public final class SimPushBench {
    private SimPushBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        int pushes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long startNanos = System.nanoTime();
        Sim sim = Sim.start(SimOptions.defaults());
        long simStartMs = (System.nanoTime() - startNanos) / 1_000_000;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<Long> pushMs = new ArrayList<>();
        try (CcFixture cf = CcFixture.against(sim)) {
            String space = cf.createSpace("bench-space", cf.createOrg("bench-org"));
            byte[] bits = TestAppJar.bytes("bench");
            for (int i = 0; i < pushes; i++) {
                String name = "bench-app-" + i;
                String app = cf.createApp(name, space);
                String route = cf.createRoute(name, null, space);
                long begin = System.nanoTime();
                cf.pushDroplet(app, bits);
                cf.post("/v3/routes/" + route + "/destinations", "{\"destinations\":[{\"app\":{\"guid\":\"" + app + "\"}}]}");
                cf.post("/v3/apps/" + app + "/actions/start", null);
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + sim.routerAddress() + "/"))
                        .header("Host", name + "." + sim.appsDomain()).timeout(Duration.ofSeconds(2)).build();
                org.awaitility.Awaitility.await("first 200 from " + name).atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(10))
                        .until(() -> http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
                pushMs.add((System.nanoTime() - begin) / 1_000_000);
                cf.awaitJob(cf.delete("/v3/apps/" + app));
            }
        } finally {
            sim.close();
        }
        List<Long> sorted = new ArrayList<>(pushMs);
        Collections.sort(sorted);
        System.out.printf("%-44s %8d ms   target < 1500 ms%n", "sim start (in process)", simStartMs);
        System.out.printf("%-44s %8d ms   target < 3000 ms   (pushes: %s)%n", "upload to first 200 via router (median)",
                sorted.get(sorted.size() / 2), pushMs);
    }
}
