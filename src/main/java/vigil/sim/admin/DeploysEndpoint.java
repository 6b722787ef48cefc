package vigil.sim.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code POST /vigil/admin/deploy} (evacuation, drain_seconds: both optional) answers 202 with the deploy
 * and its {@code Location}; {@code GET /vigil/admin/deploys/:id} shows its state and per-cell progress.
 */
public final class DeploysEndpoint {

    public static final String START_PATH = "/vigil/admin/deploy";
    public static final String PATH = "/vigil/admin/deploys";

    private final Deploys deploys;

    public DeploysEndpoint(Deploys deploys) {
        this.deploys = deploys;
    }

    public Response start(Request request) {
        DeployRequest deploy;
        try {
            JsonNode body = AdminJson.body(request);
            deploy = DeployRequest.evacuating();
            if (body.hasNonNull("evacuation")) {
                if (!body.get("evacuation").isBoolean()) {
                    throw new IllegalArgumentException("evacuation must be true or false, was " + body.get("evacuation"));
                }
                deploy = new DeployRequest(body.get("evacuation").asBoolean(), deploy.drain());
            }
            if (body.hasNonNull("drain_seconds")) {
                if (!body.get("drain_seconds").isNumber()) {
                    throw new IllegalArgumentException("drain_seconds must be a number, was " + body.get("drain_seconds"));
                }
                deploy = deploy.withDrain(AdminJson.duration(body.get("drain_seconds")));
            }
        } catch (IOException e) {
            return AdminErrors.parseError(e.getMessage());
        } catch (IllegalArgumentException e) {
            return AdminErrors.unprocessable(e.getMessage());
        }
        try {
            DeployStatus started = deploys.start(deploy);
            return Response.json(202, AdminErrors.JSON, AdminJson.deploy(started))
                    .withHeader("Location", PATH + "/" + started.id());
        } catch (IllegalStateException e) {
            return AdminErrors.unprocessable(e.getMessage());
        }
    }

    public Response get(Request request) {
        return deploys.get(request.pathParam("id").orElse(""))
                .map(deploy -> Response.json(200, AdminErrors.JSON, AdminJson.deploy(deploy)))
                .orElseGet(() -> AdminErrors.notFound("Deploy"));
    }

    public Response list(Request request) {
        return Response.json(200, AdminErrors.JSON, AdminJson.deploys(deploys.all()));
    }
}
