package vigil.steps;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import vigil.availability.LogFreshness;
import vigil.availability.Probe;
import vigil.availability.ProbeOutcome;
import vigil.availability.ProbeSpec;
import vigil.cf.AppLogLine;
import vigil.cf.CfClient;

/**
 * Reads the probed app's recent logs from log-cache at each check: its newest own line (source {@code APP/...};
 * router lines would be fresh from the other probes' requests alone) must be newer than at the check before, so
 * logs that stop flowing while the app still answers count as down. The app logs a counter to make sure there
 * is always a new line ({@code VIGIL_LOG_COUNTER_MS}). Sent without the client's retries, on the given executor.
 */
final class LogFreshnessProbe implements Probe {
    /** log-cache's largest page: the app's own lines must be found among every other source's. */
    private static final int LINES = 1000;

    private final ProbeSpec spec;
    private final CfClient cf;
    private final String appGuid;
    private final ExecutorService executor;
    private final LogFreshness freshness = new LogFreshness();

    LogFreshnessProbe(ProbeSpec spec, CfClient cf, String appGuid, ExecutorService executor) {
        this.spec = spec;
        this.cf = cf.withoutRetries();
        this.appGuid = appGuid;
        this.executor = executor;
    }

    @Override
    public ProbeSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ProbeOutcome> fire(Instant scheduled) {
        return CompletableFuture.supplyAsync(() -> CfFailureKind.outcomeOf(() -> freshness.judge(
                cf.logCache().recent(appGuid, LINES).stream()
                        .filter(line -> line.sourceType().startsWith("APP"))
                        .map(AppLogLine::timestamp).max(Instant::compareTo).orElse(null))), executor);
    }
}
