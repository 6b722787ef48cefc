package vigil.sim.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vigil.sim.cells.CellStatus;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;

/** The JSON documents of the admin endpoints: snake_case fields, times as ISO-8601 UTC to the millisecond. */
final class AdminJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AdminJson() {
    }

    /** The request body as a JSON object; an empty body is an empty object. */
    static JsonNode body(Request request) throws IOException {
        byte[] body = request.body();
        if (body.length == 0) {
            return MAPPER.createObjectNode();
        }
        JsonNode json = MAPPER.readTree(body);
        if (json == null || !json.isObject()) {
            throw new IOException("the body must be a JSON object");
        }
        return json;
    }

    static ObjectNode fault(Fault fault) {
        ObjectNode json = JsonWriter.object()
                .put("id", fault.id())
                .put("kind", fault.kind().label())
                .put("state", fault.isActive() ? "active" : "ended")
                .put("description", fault.describe());
        if (fault.cell() != null) {
            json.put("cell", fault.cell());
        }
        if (fault.delay() != null) {
            json.put("delay_seconds", seconds(fault.delay()));
        }
        if (fault.share() > 0) {
            json.put("share", fault.share());
        }
        json.put("started_at", time(fault.startedAt()));
        json.put("ends_at", time(fault.endsAt()));
        json.put("ended_at", time(fault.endedAt()));
        return json;
    }

    static ObjectNode faults(List<Fault> faults) {
        ObjectNode json = JsonWriter.object();
        ArrayNode resources = json.putArray("resources");
        faults.forEach(fault -> resources.add(fault(fault)));
        return json;
    }

    static ObjectNode deploy(DeployStatus deploy) {
        ObjectNode json = JsonWriter.object()
                .put("id", deploy.id())
                .put("state", deploy.state())
                .put("evacuation", deploy.request().evacuation())
                .put("drain_seconds", seconds(deploy.request().drain()))
                .put("started_at", time(deploy.startedAt()))
                .put("ended_at", time(deploy.endedAt()));
        ArrayNode cells = json.putArray("cells");
        for (CellProgress cell : deploy.cells()) {
            cells.addObject()
                    .put("name", cell.name())
                    .put("zone", cell.zone())
                    .put("phase", cell.phase())
                    .put("instances", cell.instances())
                    .put("started_at", time(cell.startedAt()))
                    .put("ended_at", time(cell.endedAt()))
                    .put("note", cell.note());
        }
        json.put("error", deploy.error());
        return json;
    }

    static ObjectNode deploys(List<DeployStatus> deploys) {
        ObjectNode json = JsonWriter.object();
        ArrayNode resources = json.putArray("resources");
        deploys.forEach(deploy -> resources.add(deploy(deploy)));
        return json;
    }

    static ArrayNode cells(List<CellStatus> cells) {
        ArrayNode json = JsonWriter.object().arrayNode();
        cells.forEach(cell -> json.addObject().put("name", cell.name()).put("zone", cell.zone())
                .put("state", cell.state().label()).put("instances", cell.instances()));
        return json;
    }

    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** Whole milliseconds: a number of seconds given in JSON, e.g. {@code 2.5}. */
    static Duration duration(JsonNode seconds) {
        return Duration.ofMillis(Math.round(seconds.asDouble() * 1000));
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
