package vigil.sim.api;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The TCP router as the Cloud Controller sees it when a TCP route is made: the route's port must be one the
 * router can listen on. Real CF checks the router group's reservable ports; the sim's router binds the port
 * on the spot, so a port that another program on this machine holds is refused as CC refuses a taken one.
 */
@FunctionalInterface
public interface TcpPortReservations {

    /** Nothing listens: any port in the range is taken as given, a random one when none is asked for. */
    TcpPortReservations UNCHECKED = port -> port > 0 ? port
            : ThreadLocalRandom.current().nextInt(RouterGroups.FIRST_PORT, RouterGroups.LAST_PORT + 1);

    /** Opens {@code port}, or any free port when it is 0; the port opened, or -1 when it cannot be had. */
    int open(int port);
}
