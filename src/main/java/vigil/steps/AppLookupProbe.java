package vigil.steps;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import vigil.availability.Probe;
import vigil.availability.ProbeOutcome;
import vigil.availability.ProbeSpec;
import vigil.cf.CfClient;

/**
 * The CF API probe that needs a token: looks the app up ({@code GET /v3/apps/:guid}) as the admin, so an API
 * that answers {@code /v3/info} but cannot authenticate or reach its database counts as down. Sent without
 * the client's retries (the probe must see each failure), on the given executor.
 */
final class AppLookupProbe implements Probe {
    private final ProbeSpec spec;
    private final CfClient cf;
    private final String appGuid;
    private final ExecutorService executor;

    AppLookupProbe(ProbeSpec spec, CfClient cf, String appGuid, ExecutorService executor) {
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
        return CompletableFuture.supplyAsync(() -> CfFailureKind.outcomeOf(() -> {
            cf.apps().get(appGuid);
            return ProbeOutcome.success(200, null);
        }), executor);
    }
}
