package vigil.sim.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The syslog drains bound to an app, as CC's internal syslog-drain-URL API tells the syslog agents. */
final class SyslogDrainLookup {
    private final CcRepositories store;

    SyslogDrainLookup(CcRepositories store) {
        this.store = store;
    }

    /**
     * @param wholeSpace a fault: also the drains bound to the other apps of the app's space, as if bound per space
     */
    List<AppSyslogDrain> forApp(String appGuid, boolean wholeSpace) {
        Optional<App> app = store.apps.get(appGuid);
        Optional<Space> space = app.flatMap(a -> store.spaces.get(a.spaceGuid()));
        Optional<Organization> org = space.flatMap(s -> store.organizations.get(s.organizationGuid()));
        if (app.isEmpty() || space.isEmpty() || org.isEmpty()) {
            return List.of();
        }
        List<ServiceCredentialBinding> bindings = store.serviceBindings.where(binding -> binding.syslogDrainUrl() != null
                && !binding.syslogDrainUrl().isBlank() && (appGuid.equals(binding.appGuid())
                || wholeSpace && store.apps.get(binding.appGuid()).map(App::spaceGuid).filter(space.get().guid()::equals)
                        .isPresent()));
        List<AppSyslogDrain> drains = new ArrayList<>();
        for (ServiceCredentialBinding binding : bindings) {
            String ca = binding.credentials().path("ca").isTextual() ? binding.credentials().path("ca").asText() : null;
            drains.add(new AppSyslogDrain(binding.guid(), binding.syslogDrainUrl(), appGuid, app.get().name(),
                    space.get().guid(), space.get().name(), org.get().guid(), org.get().name(), ca));
        }
        return drains;
    }
}
