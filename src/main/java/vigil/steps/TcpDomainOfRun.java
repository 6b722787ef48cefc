package vigil.steps;

import java.util.Map;
import java.util.WeakHashMap;
import vigil.cf.CfApiException;
import vigil.cf.CfClient;
import vigil.cf.Domain;
import vigil.cf.RunWorkspace;
import vigil.config.VigilConfig;

/**
 * The run's TCP domain, CATS's {@code tcp_domain}: used when the CF has it, otherwise created as a shared domain
 * of the router group {@code default-tcp} (as CATS creates it) and removed at the end of the run. Looked up once
 * per run; parallel scenarios share it.
 */
final class TcpDomainOfRun {
    static final String ROUTER_GROUP = "default-tcp";

    private static final Map<RunWorkspace, Domain> DOMAINS = new WeakHashMap<>();

    private TcpDomainOfRun() {
    }

    static Domain of(RunScope run) {
        synchronized (DOMAINS) {
            return DOMAINS.computeIfAbsent(run.workspace(), workspace -> findOrCreate(run.cf(), run.config(), workspace));
        }
    }

    /** Where to connect for TCP routes: {@code tcp_router_address}, or the TCP domain itself (its DNS). */
    static String routerHost(VigilConfig config) {
        return config.tcpRouterAddress() != null ? config.tcpRouterAddress() : requireDomainName(config);
    }

    private static Domain findOrCreate(CfClient cf, VigilConfig config, RunWorkspace workspace) {
        String name = requireDomainName(config);
        return cf.domains().find(name).orElseGet(() -> {
            String group = cf.routerGroups().guidOf(ROUTER_GROUP).orElseThrow(() -> new IllegalStateException(
                    "the routing API (GET /routing/v1/router_groups) has no router group '" + ROUTER_GROUP
                            + "' to create the TCP domain " + name + " in: is TCP routing deployed?"));
            try {
                Domain created = cf.domains().createTcp(name, group);
                workspace.removeAtEnd("domain " + name, () -> cf.domains().delete(created.guid()));
                return created;
            } catch (CfApiException raced) {
                // Another run made it meanwhile: use theirs, and leave its removal to them.
                return cf.domains().find(name).orElseThrow(() -> raced);
            }
        });
    }

    private static String requireDomainName(VigilConfig config) {
        if (config.tcpDomain() == null) {
            throw new IllegalStateException("tcp_domain is not set: TCP routing scenarios need the TCP domain's name"
                    + " (e.g. tcp.example.com) in the config, or CF_TCP_DOMAIN");
        }
        return config.tcpDomain();
    }
}
