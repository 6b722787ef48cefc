package vigil.cf;

import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;

/** Awaits CC's asynchronous jobs ({@code 202 Location: /v3/jobs/GUID}) until COMPLETE; FAILED is an error. */
final class Jobs {
    private final CfClient cf;
    private final Timeouts timeouts;

    Jobs(CfClient cf, Timeouts timeouts) {
        this.cf = cf;
        this.timeouts = timeouts;
    }

    void await(String location) {
        AtomicReference<JsonNode> job = new AtomicReference<>();
        Awaitility.await("job " + location + " to finish")
                .pollInSameThread()
                .pollInterval(timeouts.poll())
                .atMost(timeouts.job())
                .until(() -> {
                    job.set(cf.send("GET", location, null).body());
                    return job.get().path("state").asText();
                }, not(in(List.of("PROCESSING", "POLLING"))));
        if ("FAILED".equals(job.get().path("state").asText())) {
            JsonNode error = job.get().path("errors").path(0);
            throw new CfApiException("job " + job.get().path("operation").asText() + " " + location, 200,
                    error.path("code").asInt(), error.path("title").asText(), error.path("detail").asText());
        }
    }
}
