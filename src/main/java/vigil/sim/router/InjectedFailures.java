package vigil.sim.router;

/**
 * Injected router faults, asked on every routed request: the share of requests (0 to 1) that the router
 * fails itself with 502 {@code X-Cf-Routererror: endpoint_failure}, as a gorouter losing its backends would.
 */
@FunctionalInterface
public interface InjectedFailures {

    /** No injected failures. */
    InjectedFailures NONE = () -> 0;

    double share();
}
