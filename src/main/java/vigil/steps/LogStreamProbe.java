package vigil.steps;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import vigil.availability.Probe;
import vigil.availability.ProbeOutcome;
import vigil.availability.ProbeSpec;
import vigil.cf.AppResponse;
import vigil.cf.CfClient;
import vigil.cf.LogStream;

/**
 * Streaming logs, as uptimer measures them: the probed app's log is followed on CF's log stream (RLP gateway), and
 * at each check the probe makes the app write a line of its own ({@code GET /log/MARKER} through the router); the
 * check passes when that line arrives on the stream within the bound (80 % of the probe's timeout, so that the
 * kind of failure is the probe's own, not the scheduler's {@code timeout}). A stream that ended is opened again at
 * the next check, as the cf CLI reconnects. Failure kinds: {@code log_not_streamed} (the line did not come),
 * {@code stream_ended} (the stream closed while waiting), {@code log_request_http_NNN} (the app did not take the
 * request: the app probe measures that), and the CF error of a refused stream (e.g. {@code not_found}).
 */
final class LogStreamProbe implements Probe, AutoCloseable {
    private final ProbeSpec spec;
    private final CfClient cf;
    private final String appGuid;
    private final String host;
    private final AppRequests requests;
    private final ExecutorService executor;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong checks = new AtomicLong();
    private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private LogStream.Subscription stream;

    LogStreamProbe(ProbeSpec spec, CfClient cf, String appGuid, String host, AppRequests requests,
                   ExecutorService executor) {
        this.spec = spec;
        this.cf = cf;
        this.appGuid = appGuid;
        this.host = host;
        this.requests = requests;
        this.executor = executor;
    }

    @Override
    public ProbeSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ProbeOutcome> fire(Instant scheduled) {
        return CompletableFuture.supplyAsync(() -> CfFailureKind.outcomeOf(this::check), executor);
    }

    private ProbeOutcome check() {
        String marker = "vigil-log-stream-probe-" + run + "-" + checks.incrementAndGet();
        CompletableFuture<Void> arrived = new CompletableFuture<>();
        pending.put(marker, arrived);
        try {
            openStream();
            AppResponse response = requests.get(host, "/log/" + marker, Map.of());
            if (response.status() != 200) {
                return ProbeOutcome.failure(response.status(), "log_request_http_" + response.status(), null);
            }
            Duration bound = spec.timeout().multipliedBy(4).dividedBy(5);
            arrived.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return ProbeOutcome.success(200, null);
        } catch (TimeoutException e) {
            LogStream.Subscription current = stream;
            return ProbeOutcome.failure(null, current != null && current.ended() != null ? "stream_ended"
                    : "log_not_streamed", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeOutcome.failure(null, "interrupted", null);
        } catch (ExecutionException e) {
            return ProbeOutcome.failure(null, "error_" + e.getCause().getClass().getSimpleName(), null);
        } finally {
            pending.remove(marker);
        }
    }

    /** Opens the stream when there is none yet or the last one ended. */
    private synchronized void openStream() {
        if (stream == null || stream.ended() != null) {
            if (stream != null) {
                stream.close();
            }
            stream = cf.logStream().open(appGuid, line -> {
                CompletableFuture<Void> waiting = pending.get(line.text());
                if (waiting != null) {
                    waiting.complete(null);
                }
            });
        }
    }

    @Override
    public synchronized void close() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
