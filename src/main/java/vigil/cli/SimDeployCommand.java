package vigil.cli;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vigil.cf.CfClient;
import vigil.config.ConfigException;

/**
 * {@code vigil sim deploy}: a rolling platform deploy of a running embedded CF, waited for to the end, so
 * that it serves as the {@code --during} command of an availability run.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Roll the cells of a running embedded CF one at a time, as 'bosh deploy' rolls Diego cells,",
                "and wait until the deploy ends. Each cell's instances are evacuated first (started on another",
                "cell and healthy before the old ones stop), so apps with 2+ instances stay up.",
                "Exit 0 when the deploy succeeded, 1 when it failed."})
final class SimDeployCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(250);

    @ParentCommand
    private SimCommand sim;

    @Option(names = "--config", paramLabel = "FILE", required = true,
            description = "The config file of the embedded CF (from 'vigil sim --write-config FILE').")
    private Path config;

    @Option(names = "--no-evacuation",
            description = "Stop each cell's instances before it restarts instead: real downtime for apps whose "
                    + "instances were all on that cell.")
    private boolean noEvacuation;

    @Option(names = "--drain", paramLabel = "D", defaultValue = "2s", converter = ShortDurationConverter.class,
            description = "How long each cell stays down while it restarts, e.g. 500ms, 2s (default: ${DEFAULT-VALUE}).")
    private Duration drain;

    @Option(names = "--timeout", paramLabel = "D", defaultValue = "30m", converter = ShortDurationConverter.class,
            description = "Give up waiting after this long (default: ${DEFAULT-VALUE}); the deploy goes on in the sim.")
    private Duration timeout;

    @Override
    public Integer call() throws ConfigException {
        CfClient cf = SimAdminConnection.connect(sim, config);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evacuation", !noEvacuation);
        body.put("drain_seconds", drain.toMillis() / 1000.0);
        JsonNode started = cf.postJson("/vigil/admin/deploy", body);
        String id = started.path("id").asText();
        sim.vigil.out.println("deploy " + id + " started: " + started.path("cells").size() + " cells, "
                + (noEvacuation ? "without evacuation" : "with evacuation") + ", drain " + drain.toMillis() + " ms");
        Map<String, String> printed = new HashMap<>();
        JsonNode last;
        try {
            last = await("deploy " + id + " to end").atMost(timeout).pollInterval(POLL).pollInSameThread()
                    .until(() -> progress(cf.getJson("/vigil/admin/deploys/" + id), printed),
                            deploy -> !"running".equals(deploy.path("state").asText()));
        } catch (ConditionTimeoutException e) {
            sim.vigil.err.println("vigil sim deploy: deploy " + id + " still running after " + AgeConverter.describe(timeout)
                    + "; see GET /vigil/admin/deploys/" + id);
            return ExitCode.FAILED;
        }
        if ("succeeded".equals(last.path("state").asText())) {
            sim.vigil.out.println("deploy " + id + " succeeded (" + last.path("started_at").asText() + " to "
                    + last.path("ended_at").asText() + ")");
            return ExitCode.PASSED;
        }
        sim.vigil.err.println("vigil sim deploy: deploy " + id + " failed: " + last.path("error").asText("no reason given"));
        return ExitCode.FAILED;
    }

    /** Prints each cell's phase once it changes, and returns the deploy document as it is now. */
    private JsonNode progress(JsonNode deploy, Map<String, String> printed) {
        for (JsonNode cell : deploy.path("cells")) {
            String name = cell.path("name").asText();
            String phase = cell.path("phase").asText();
            if (!phase.equals(printed.put(name, phase)) && !"pending".equals(phase)) {
                String note = cell.path("note").isTextual() ? " (" + cell.path("note").asText() + ")" : "";
                sim.vigil.out.println("  " + name + " (" + cell.path("zone").asText() + "): " + phase
                        + ("evacuating".equals(phase) || "stopping".equals(phase)
                            ? ", " + cell.path("instances").asInt() + " instances" : "") + note);
            }
        }
        return deploy;
    }
}
