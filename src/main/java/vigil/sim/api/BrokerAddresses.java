package vigil.sim.api;

import java.net.URI;

/**
 * Where the sim's CC actually connects for a broker URL. A real CC resolves a broker's host through DNS; the
 * embedded CF listens on loopback only, so a broker is either on a loopback address (used as it is) or an app
 * pushed to the sim, whose route in the sim's own domains is resolved to one of its instances, as the router
 * would ({@link CloudController#appRouteAddresses}). Anything else is refused: the sim never leaves the machine.
 */
@FunctionalInterface
public interface BrokerAddresses {

    /** A URL the sim can connect to for {@code url}; raises CC's unreachable error when there is none. */
    URI resolve(URI url);
}
