package vigil.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vigil.cf.AppResponse;

/**
 * Requests one path of a route at a fixed rate while something happens (a rolling deployment), keeping
 * every answer: its status and body, or the error when none came.
 */
final class RouteSampler implements AutoCloseable {
    /** One request's outcome; {@code status} 0 when no answer came. */
    record Sample(int status, String body, String error) {
        boolean failed() {
            return status != 200;
        }
    }

    private final AppRequests requests;
    private final String host;
    private final String path;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vigil-route-sampler");
        thread.setDaemon(true);
        return thread;
    });

    RouteSampler(AppRequests requests, String host, String path, double hz) {
        this.requests = requests;
        this.host = host;
        this.path = path;
        long periodMicros = Math.round(1_000_000 / hz);
        schedule.scheduleAtFixedRate(this::sample, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    private void sample() {
        Sample sample;
        try {
            AppResponse response = requests.get(host, path, Map.of());
            sample = new Sample(response.status(), response.body(), null);
        } catch (RuntimeException e) {
            sample = new Sample(0, null, e.getMessage());
        }
        synchronized (samples) {
            samples.add(sample);
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        try {
            schedule.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
