package vigil.sim.api;

import java.time.Instant;

/**
 * What CC's CurrentProcessTypes does when a droplet becomes an app's current one: every process type the
 * droplet has (its {@code process_types}, e.g. from a Procfile) gets a process if the app has none of that type
 * yet. A new non-web process has 0 instances and a {@code process} health check (it listens on no port and has
 * no route), so it runs only once scaled, as in CC.
 */
final class DropletProcessTypes {

    private DropletProcessTypes() {
    }

    static void ensure(CcRepositories store, String appGuid, Droplet droplet) {
        for (String type : droplet.processTypes().keySet()) {
            if (store.processOf(appGuid, type).isPresent()) {
                continue;
            }
            store.processes.add(fresh(appGuid, type, store.now()));
        }
    }

    /** A new process of a type with CC's defaults (also what apply_manifest makes for a type the app lacks). */
    static AppProcess fresh(String appGuid, String type, Instant now) {
        boolean web = AppProcess.WEB.equals(type);
        return new AppProcess(web ? appGuid : CcRepositories.newGuid(), appGuid, type, null, web ? 1 : 0,
                AppsEndpoint.DEFAULT_MEMORY_MB, AppsEndpoint.DEFAULT_DISK_MB, -1,
                AppProcess.HealthCheckSpec.defaultFor(type), CcRepositories.newGuid(), now, now, Metadata.EMPTY);
    }
}
