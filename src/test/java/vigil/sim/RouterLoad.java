package vigil.sim;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/**
 * Requests an app's {@code /id} through the router at a fixed rate, as an availability probe does, and keeps
 * every answer: status, the answering instance's id (or the router's error header), and any failure.
 */
final class RouterLoad implements AutoCloseable {

    /** One probe: status 0 when no answer came. */
    record Sample(int status, String body, String routerError) {
        boolean ok() {
            return status == 200;
        }
    }

    private final String routerAddress;
    private final String host;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
    private final List<Sample> samples = new CopyOnWriteArrayList<>();

    RouterLoad(String routerAddress, String host) {
        this.routerAddress = routerAddress;
        this.host = host;
        RequestConfig timeouts = RequestConfig.custom().setConnectTimeout(5000).setSocketTimeout(10_000).build();
        this.client = HttpClients.custom().setDefaultRequestConfig(timeouts).disableAutomaticRetries()
                .setMaxConnTotal(16).setMaxConnPerRoute(16).build();
    }

    /** Starts probing at the given rate; returns this. */
    RouterLoad start(Duration interval) {
        scheduler.scheduleAtFixedRate(() -> samples.add(probe()), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    Sample probe() {
        HttpGet get = new HttpGet("http://" + routerAddress + "/id");
        get.setHeader("Host", host);
        try (CloseableHttpResponse response = client.execute(get)) {
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
            String routerError = response.getFirstHeader("X-Cf-Routererror") == null ? null
                    : response.getFirstHeader("X-Cf-Routererror").getValue();
            return new Sample(response.getStatusLine().getStatusCode(), body.trim(), routerError);
        } catch (IOException e) {
            return new Sample(0, e.toString(), null);
        }
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    List<Sample> failures() {
        return samples.stream().filter(sample -> !sample.ok()).toList();
    }

    @Override
    public void close() throws IOException {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }
}
