package vigil.sim.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code POST /vigil/admin/faults} (kind, duration_seconds, and cell, delay_seconds or share by kind),
 * {@code GET /vigil/admin/faults} (the active ones), {@code GET} and {@code DELETE /vigil/admin/faults/:id}.
 */
public final class FaultsEndpoint {

    public static final String PATH = "/vigil/admin/faults";

    private final Faults faults;

    public FaultsEndpoint(Faults faults) {
        this.faults = faults;
    }

    public Response create(Request request) {
        FaultRequest fault;
        try {
            fault = requested(AdminJson.body(request));
        } catch (IOException e) {
            return AdminErrors.parseError(e.getMessage());
        } catch (IllegalArgumentException e) {
            return AdminErrors.unprocessable(e.getMessage());
        }
        try {
            Fault started = faults.start(fault);
            return Response.json(201, AdminErrors.JSON, AdminJson.fault(started))
                    .withHeader("Location", PATH + "/" + started.id());
        } catch (IllegalArgumentException e) {
            return AdminErrors.unprocessable(e.getMessage());
        }
    }

    private static FaultRequest requested(JsonNode body) {
        String label = body.path("kind").asText("");
        FaultKind kind = FaultKind.of(label).orElseThrow(() -> new IllegalArgumentException(
                "kind must be one of " + FaultKind.labels() + (label.isEmpty() ? "" : ", was '" + label + "'")));
        FaultRequest request = FaultRequest.of(kind);
        if (body.hasNonNull("duration_seconds")) {
            request = request.lasting(AdminJson.duration(number(body, "duration_seconds")));
        }
        if (body.hasNonNull("cell")) {
            request = request.onCell(body.get("cell").asText());
        }
        if (body.hasNonNull("delay_seconds")) {
            request = request.delayedBy(AdminJson.duration(number(body, "delay_seconds")));
        }
        if (body.hasNonNull("share")) {
            request = request.failingShare(number(body, "share").asDouble());
        }
        return request;
    }

    private static JsonNode number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number, was " + value);
        }
        return value;
    }

    public Response list(Request request) {
        return Response.json(200, AdminErrors.JSON, AdminJson.faults(faults.active()));
    }

    public Response get(Request request) {
        return answer(faults.get(id(request)));
    }

    public Response delete(Request request) {
        return answer(faults.end(id(request)));
    }

    private static String id(Request request) {
        return request.pathParam("id").orElse("");
    }

    private static Response answer(Optional<Fault> fault) {
        return fault.map(found -> Response.json(200, AdminErrors.JSON, AdminJson.fault(found)))
                .orElseGet(() -> AdminErrors.notFound("Fault"));
    }
}
