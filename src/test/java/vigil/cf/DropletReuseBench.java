package vigil.cf;

import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import vigil.config.Secret;
import vigil.sim.Sim;
import vigil.sim.SimOptions;
import vigil.testapp.TestAppJar;

/**
 * For {@code bench/smoke.sh}: ten pushes of the test app through {@link PushOperation} on the embedded CF,
 * staging every push versus staging once and copying the droplet. Not a test: run with
 * {@code java -cp target/vigil.jar:target/test-classes vigil.cf.DropletReuseBench [pushes]}.
 */
public final class DropletReuseBench {
    private DropletReuseBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int pushes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (Sim sim = Sim.start(SimOptions.defaults())) {
            CfTarget target = new CfTarget(URI.create(sim.apiUrl().toString()),
                    new Credentials(sim.adminUser(), new Secret(sim.adminPassword()), null, Secret.empty()),
                    new ConnectionSettings(false, Duration.ofSeconds(10), RetryPolicy.DEFAULT), Timeouts.DEFAULT);
            CfClient cf = CfClient.connect(target);
            byte[] bits = TestAppJar.bytes("bench");
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bits));
            long everyPush = run(cf, sim, "stage", pushes, bits, sha, true);
            long once = run(cf, sim, "reuse", pushes, bits, sha, false);
            System.out.printf("%-44s %8d ms%n", pushes + " pushes, staging every push", everyPush);
            System.out.printf("%-44s %8d ms%n", pushes + " pushes, staging once (droplet copies)", once);
            System.out.printf("%-44s %8d ms   (%.0f%%)%n", "saved by droplet reuse", everyPush - once,
                    100.0 * (everyPush - once) / everyPush);
        }
    }

    private static long run(CfClient cf, Sim sim, String label, int pushes, byte[] bits, String sha, boolean alwaysStage) {
        try (RunWorkspace workspace = RunWorkspace.open(cf, new ResourceNames("bench", label + "00"), null, null)) {
            long begin = System.nanoTime();
            for (int i = 0; i < pushes; i++) {
                ScenarioWorkspace scenario = new ScenarioWorkspace(workspace, null);
                String name = "bench-" + label + "-" + i;
                scenario.push(new PushRequest(name, null, bits, sha, 1, Map.of(), name, sim.appsDomain()), alwaysStage);
                scenario.close();
            }
            return (System.nanoTime() - begin) / 1_000_000;
        }
    }
}
