package vigil.cf;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Pushes an app as {@code cf push} does, through the v3 API: create the app, get a droplet (copy one
 * already staged in this run for the same bits, or upload and stage), set it, create and map the route,
 * start, and await every instance RUNNING, failing fast with the instance states and recent output when
 * one crashes.
 */
public final class PushOperation {
    private final CfClient cf;
    private final DropletCache droplets;
    private final boolean alwaysStage;

    /** @param alwaysStage stage every push, never reuse a droplet (the config switch for a fresh staging) */
    public PushOperation(CfClient cf, DropletCache droplets, boolean alwaysStage) {
        this.cf = cf;
        this.droplets = droplets;
        this.alwaysStage = alwaysStage;
    }

    public PushedApp push(PushRequest request) {
        App app = cf.apps().create(request.name(), request.spaceGuid(), request.environment());
        String droplet = dropletFor(app, request);
        cf.apps().setCurrentDroplet(app.guid(), droplet);
        if (request.instances() != 1) {
            cf.processes().scale(app.guid(), request.instances());
        }
        Domain domain = cf.routes().domain(request.domain()).orElseThrow(() -> new IllegalStateException(
                "domain " + request.domain() + " does not exist: check apps_domain in the config"));
        Route route = cf.routes().create(request.host(), null, domain.guid(), request.spaceGuid());
        cf.routes().map(route.guid(), app.guid());
        App started = cf.apps().start(app.guid());
        new AppReadiness(cf).awaitRunning(started, request.instances());
        return new PushedApp(started, route, droplet);
    }

    /** Stages the bits in the app (a staging error is thrown as {@link StagingFailedException}). */
    public String stage(App app, byte[] bits) {
        AppPackage appPackage = cf.packages().createBits(app.guid());
        AppPackage uploaded = cf.packages().upload(appPackage.guid(), bits);
        if (!uploaded.state().equals("READY")) {
            throw new IllegalStateException("package " + uploaded.guid() + " of app " + app.name() + " is "
                    + uploaded.state() + " after upload, not READY");
        }
        Build build = cf.builds().stage(uploaded.guid());
        if (!build.state().equals("STAGED")) {
            throw new StagingFailedException(build.guid(), build.error());
        }
        return build.dropletGuid();
    }

    private String dropletFor(App app, PushRequest request) {
        if (alwaysStage) {
            return stage(app, request.bits());
        }
        AtomicReference<String> stagedHere = new AtomicReference<>();
        String cached = droplets.droplet(request.bitsKey(), () -> {
            stagedHere.set(stage(app, request.bits()));
            return cf.droplets().copy(stagedHere.get(), droplets.holderAppGuid()).guid();
        });
        // The push that staged already has its droplet; every other push copies the cached one.
        return stagedHere.get() != null ? stagedHere.get() : cf.droplets().copy(cached, app.guid()).guid();
    }
}
