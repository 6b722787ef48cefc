package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/** CF's log-cache read API ({@code GET /api/v1/read/:source_id}): an app's recent log lines. */
public final class LogCache {
    private final CfClient cf;
    private final URI base;

    LogCache(CfClient cf, URI base) {
        this.cf = cf;
        this.base = base;
    }

    /** The newest {@code limit} log lines of the app, oldest first. */
    public List<AppLogLine> recent(String appGuid, int limit) {
        JsonNode body = cf.send("GET", base + "/api/v1/read/" + appGuid + "?envelope_types=LOG&descending=true&limit="
                + limit, null).body();
        List<AppLogLine> lines = new ArrayList<>();
        for (JsonNode envelope : body.path("envelopes").path("batch")) {
            JsonNode log = envelope.path("log");
            String payload = new String(Base64.getDecoder().decode(log.path("payload").asText("")), StandardCharsets.UTF_8);
            long nanos = Long.parseLong(envelope.path("timestamp").asText("0"));
            lines.add(new AppLogLine(Instant.ofEpochSecond(0, nanos), envelope.path("tags").path("source_type").asText(""),
                    envelope.path("instance_id").asText(""), "ERR".equals(log.path("type").asText()), payload));
        }
        lines.sort(Comparator.comparing(AppLogLine::timestamp));
        return lines;
    }
}
