package vigil.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls one app route through the router at a fixed rate, as an availability probe does, and keeps every
 * answer. Host is a restricted header; the build allows it for tests, as vigil's main does.
 */
final class RouteProbe implements AutoCloseable {

    /** One answer: the status (0 when the request itself failed) and the body or the error. */
    record Sample(long nanos, int status, String body) {
        boolean failed() {
            return status != 200;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "route-probe");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Sample> samples = new CopyOnWriteArrayList<>();

    private RouteProbe() {
    }

    static RouteProbe start(URI router, String host, String path, Duration period) {
        RouteProbe probe = new RouteProbe();
        HttpRequest request = HttpRequest.newBuilder(router.resolve(path)).header("Host", host)
                .timeout(Duration.ofSeconds(2)).build();
        probe.scheduler.scheduleAtFixedRate(() -> probe.sample(request), 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return probe;
    }

    private void sample(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            samples.add(new Sample(System.nanoTime(), response.statusCode(), response.body().strip()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            samples.add(new Sample(System.nanoTime(), 0, e.toString()));
        }
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    List<Sample> failures() {
        return samples.stream().filter(Sample::failed).toList();
    }

    /** How many successful answers with this body came after the given System.nanoTime(). */
    long answersSince(long nanos, String body) {
        return samples.stream().filter(s -> s.nanos() > nanos && !s.failed() && s.body().equals(body)).count();
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }
}
