package vigil.availability;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One thing whose availability is measured, asked once per scheduled time.
 *
 * <p>{@link #fire} must not block: it starts the check and returns at once; the {@link ProbeScheduler}
 * bounds the answer by {@link ProbeSpec#timeout()} and counts a late or missing answer as failed at its
 * scheduled time. A new kind of probe (the CF API, pushability, log freshness) only implements this:
 * <pre>{@code
 * Probe api = new Probe() {
 *     public ProbeSpec spec() { return new ProbeSpec("cf-api", "GET /v3/info", 2, Duration.ofSeconds(5)); }
 *     public CompletableFuture<ProbeOutcome> fire(Instant scheduled) {
 *         return CompletableFuture.supplyAsync(() -> cf.info() != null ? ProbeOutcome.success(200, null)
 *                 : ProbeOutcome.failure(null, "no_info", null), ioExecutor);
 *     }
 * };
 * }</pre>
 * A future completed exceptionally counts as a failure whose kind is named after the exception.
 */
public interface Probe {
    ProbeSpec spec();

    /**
     * Starts one check.
     *
     * @param scheduled when the check was due (it may start a little later)
     * @return the outcome, completed when the check has an answer
     */
    CompletableFuture<ProbeOutcome> fire(Instant scheduled);

    /**
     * How an HTTP probe connects: {@code reused} (kept alive) or {@code new} (a fresh connection per check), as
     * reported in summary.json; {@code null} for probes that are not HTTP requests.
     */
    default String connection() {
        return null;
    }
}
