package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import vigil.sim.http.JsonWriter;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * CC's side of {@code cf ssh}: the app and space {@code ssh} features ({@code cf enable-ssh}, {@code cf
 * disallow-space-ssh}), {@code GET /v3/apps/:guid/ssh_enabled} ({@code cf ssh-enabled}), and the access check the
 * SSH proxy makes with the user's token before it opens a session, {@code GET /internal/apps/:guid/ssh_access/:index}
 * (CC's v2 side: v2 error bodies). Who may change a feature is {@link AccessControl}'s rule like any v3 change; the
 * internal check is outside {@code /v3}, so it applies CC's rule itself: admins and the app's space developers.
 */
final class SshEndpoints {

    static final String FEATURE = "ssh";

    private final CcRepositories store;
    private final SshSettings settings;
    private final CcFaults faults;
    /** The test-only fault that treats every caller as an admin covers this check too. */
    private final BooleanSupplier authorizationSkipped;

    SshEndpoints(CcRepositories store, SshSettings settings, CcFaults faults, BooleanSupplier authorizationSkipped) {
        this.store = store;
        this.settings = settings;
        this.faults = faults;
        this.authorizationSkipped = authorizationSkipped;
    }

    Response appFeature(Request request, SecurityContext security) {
        security.requireReader();
        App app = app(request);
        return V3Json.ok(feature("Enable SSHing into the app.", settings.appEnabled(app.guid())));
    }

    Response updateAppFeature(Request request, SecurityContext security) {
        security.requireWriter();
        App app = app(request);
        settings.appEnabled(app.guid(), enabled(request));
        return V3Json.ok(feature("Enable SSHing into the app.", settings.appEnabled(app.guid())));
    }

    Response sshEnabled(Request request, SecurityContext security) {
        security.requireReader();
        App app = app(request);
        Optional<String> reason = settings.disabledReason(app, store.space(app.spaceGuid()));
        ObjectNode body = JsonWriter.object().put("enabled", reason.isEmpty()).put("reason", reason.orElse(""));
        return V3Json.ok(body);
    }

    Response spaceFeatures(Request request, SecurityContext security) {
        security.requireReader();
        Space space = space(request);
        ObjectNode body = JsonWriter.object();
        body.putArray("resources").add(spaceFeature(space));
        return V3Json.ok(body);
    }

    Response spaceFeature(Request request, SecurityContext security) {
        security.requireReader();
        Space space = space(request);
        requireSshFeature(request);
        return V3Json.ok(spaceFeature(space));
    }

    Response updateSpaceFeature(Request request, SecurityContext security) {
        security.requireWriter();
        boolean enabled = enabled(request);
        Space space = space(request);
        requireSshFeature(request);
        settings.spaceAllowed(space.guid(), enabled);
        return V3Json.ok(spaceFeature(space));
    }

    /**
     * What the SSH proxy asks with the token it got for the user's one-time code: may this user reach the app's
     * instances? 200 with Diego's process guid ({@code <process guid>-<version>}) if so. (CC also records
     * {@code audit.app.ssh-authorized} or {@code -unauthorized} events; the sim has no audit events.)
     */
    Response sshAccess(Request request, SecurityContext security) {
        Caller caller = security.requireCaller();
        String guid = request.pathParam("guid").orElseThrow();
        App app = store.apps.get(guid).orElseThrow(() -> CcError.APP_NOT_FOUND.raise(guid));
        Space space = store.space(app.spaceGuid());
        if (!mayUpdate(caller, space)) {
            throw visible(caller, space) ? CcError.NOT_AUTHORIZED.raise() : CcError.APP_NOT_FOUND.raise(guid);
        }
        if (settings.disabledReason(app, space).isPresent() && !faults.sshAllowedWhenDisabled()) {
            throw CcError.INVALID_REQUEST.raise();
        }
        AppProcess web = store.processOf(app.guid(), AppProcess.WEB).orElseThrow(() -> CcError.APP_NOT_FOUND.raise(guid));
        ObjectNode body = JsonWriter.object().put("process_guid", web.guid() + "-" + web.version());
        return Response.json(200, CcErrorResponse.V2_JSON, body);
    }

    /** CC's {@code find_guid_and_validate_access(:update)} on the app's process: admins and space developers. */
    private boolean mayUpdate(Caller caller, Space space) {
        if (authorizationSkipped.getAsBoolean() || caller.isAdmin()) {
            return true;
        }
        return caller.canWrite() && Access.of(caller.guid(), store).isSpaceDeveloper(scopeOf(space));
    }

    private boolean visible(Caller caller, Space space) {
        return caller.canRead() && Access.of(caller.guid(), store).canSee(scopeOf(space));
    }

    private ResourceScope scopeOf(Space space) {
        return ResourceScope.space(space.organizationGuid(), space.guid());
    }

    private App app(Request request) {
        return store.app(request.pathParam("guid").orElseThrow());
    }

    private Space space(Request request) {
        return store.space(request.pathParam("guid").orElseThrow());
    }

    private static void requireSshFeature(Request request) {
        if (!FEATURE.equals(request.pathParam("name").orElse(FEATURE))) {
            throw CcError.notFound("Feature");
        }
    }

    /** The body of a feature update: {@code {"enabled": true|false}} and nothing else, with CC's messages. */
    private static boolean enabled(Request request) {
        RequestMessage message = RequestMessage.of(request, "enabled");
        JsonNode enabled = message.body().get("enabled");
        if (enabled == null || !enabled.isBoolean()) {
            message.problem("Enabled must be a boolean");
        }
        message.validate();
        return enabled.asBoolean();
    }

    private ObjectNode spaceFeature(Space space) {
        return feature("Enable SSHing into apps in the space.", settings.spaceAllowed(space.guid()));
    }

    private static ObjectNode feature(String description, boolean enabled) {
        return JsonWriter.object().put("name", FEATURE).put("description", description).put("enabled", enabled);
    }
}
