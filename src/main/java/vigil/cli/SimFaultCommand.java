package vigil.cli;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vigil.cf.CfClient;
import vigil.config.ConfigException;

/** {@code vigil sim fault KIND}: injects a fault into a running embedded CF; it ends by itself after {@code --for}. */
@Command(name = "fault", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Inject a fault into a running embedded CF. It runs in the sim and ends by itself after --for;",
                "this command returns at once (or, with --wait, when the fault has ended).",
                "Kinds: kill-cell (a cell dies: its instances are killed and restarted on other cells; it comes",
                "back at the end), api-outage (the Cloud Controller answers 503), slow-api (it answers late,",
                "--delay), router-errors (the router fails --share of requests with 502 endpoint_failure),",
                "api-bursts (every 30 s: 2 s of 503s, 2 s of 429s with Retry-After, 3 s of answers late by --delay)."})
final class SimFaultCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(250);

    @ParentCommand
    private SimCommand sim;

    @Parameters(index = "0", paramLabel = "KIND", description = "kill-cell, api-outage, slow-api, router-errors or api-bursts.")
    private String kind;

    @Option(names = "--config", paramLabel = "FILE", required = true,
            description = "The config file of the embedded CF (from 'vigil sim --write-config FILE').")
    private Path config;

    @Option(names = "--for", paramLabel = "D", defaultValue = "30s", converter = ShortDurationConverter.class,
            description = "How long the fault lasts, e.g. 500ms, 30s, 5m (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--cell", paramLabel = "NAME",
            description = "kill-cell: the cell to kill, e.g. cell-1 (default: the cell with the most instances).")
    private String cell;

    @Option(names = "--delay", paramLabel = "D", defaultValue = "2s", converter = ShortDurationConverter.class,
            description = "slow-api, api-bursts: how late API answers come (default: ${DEFAULT-VALUE}).")
    private Duration delay;

    @Option(names = "--share", paramLabel = "X", defaultValue = "0.3",
            description = "router-errors: the share of routed requests that fail, above 0 up to 1 (default: ${DEFAULT-VALUE}).")
    private double share;

    @Option(names = "--wait", description = "Wait until the fault has ended before returning.")
    private boolean waitForEnd;

    @Override
    public Integer call() throws UsageException, ConfigException {
        if (!(share > 0 && share <= 1)) {
            throw new UsageException("--share: must be above 0 and at most 1, got " + share);
        }
        CfClient cf = SimAdminConnection.connect(sim, config);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("duration_seconds", duration.toMillis() / 1000.0);
        if (cell != null) {
            body.put("cell", cell);
        }
        body.put("delay_seconds", delay.toMillis() / 1000.0);
        body.put("share", share);
        JsonNode fault = cf.postJson("/vigil/admin/faults", body);
        String id = fault.path("id").asText();
        sim.vigil.out.println("fault " + id + " started: " + fault.path("description").asText()
                + "; end it early with DELETE /vigil/admin/faults/" + id);
        if (!waitForEnd) {
            return ExitCode.PASSED;
        }
        JsonNode ended = await("fault " + id + " to end").atMost(duration.plus(Duration.ofMinutes(1)))
                .pollInterval(POLL).pollInSameThread()
                .until(() -> cf.getJson("/vigil/admin/faults/" + id), now -> "ended".equals(now.path("state").asText()));
        sim.vigil.out.println("fault " + id + " ended at " + ended.path("ended_at").asText());
        return ExitCode.PASSED;
    }
}
