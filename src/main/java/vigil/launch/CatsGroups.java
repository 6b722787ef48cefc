package vigil.launch;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vigil.config.VigilConfig;

/**
 * The CATS {@code include_*} switches and the acceptance groups (tags) they turn on, so a CATS
 * integration_config.json selects the same kind of tests in Vigil. A group runs when any of its switches
 * is on; CATS's defaults apply to switches the config leaves out. {@code @isolation} has no CATS switch
 * and always runs.
 */
final class CatsGroups {
    private static final Map<String, List<String>> SWITCHES_BY_TAG = Map.ofEntries(
            Map.entry("@apps", List.of("include_apps")),
            Map.entry("@detect", List.of("include_detect")),
            Map.entry("@routing", List.of("include_routing")),
            Map.entry("@tasks", List.of("include_tasks")),
            Map.entry("@deployments", List.of("include_deployments")),
            Map.entry("@services", List.of("include_services", "include_user_provided_services")),
            Map.entry("@manifests", List.of("include_v3")),
            Map.entry("@ssh", List.of("include_ssh")),
            // syslog drains and log streaming (issue 13): CATS has no include_logging; its log streaming tests
            // ("cf logs") run with the apps group
            Map.entry("@syslog", List.of("include_app_syslog_tcp")),
            Map.entry("@logging", List.of("include_apps")),
            // managed services, route services, sharing (issue 11): CATS's services, route_services,
            // service_instance_sharing
            Map.entry("@managed-services", List.of("include_services")),
            Map.entry("@route-services", List.of("include_route_services")),
            Map.entry("@sharing", List.of("include_service_instance_sharing")),
            // app platform features (issue 12): CATS runs multi-process apps, sidecars and revisions in its v3
            // group and canary deployments in its deployments group
            Map.entry("@v3", List.of("include_v3")),
            Map.entry("@sidecars", List.of("include_v3")),
            Map.entry("@revisions", List.of("include_v3")),
            Map.entry("@canary", List.of("include_deployments")));

    private CatsGroups() {
    }

    /** The group tags whose every switch is off in this config. */
    static Set<String> excluded(VigilConfig config) {
        Set<String> excluded = new TreeSet<>();
        SWITCHES_BY_TAG.forEach((tag, switches) -> {
            if (switches.stream().noneMatch(config::include)) {
                excluded.add(tag);
            }
        });
        return excluded;
    }
}
