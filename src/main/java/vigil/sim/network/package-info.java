/**
 * The embedded CF's networking beside the HTTP router: the TCP router ({@link vigil.sim.network.TcpRouter}),
 * which forwards raw bytes from a TCP route's port to an app instance, and the container network
 * ({@link vigil.sim.network.ContainerNetwork}), which lets apps reach each other on internal routes
 * ({@code <host>.apps.internal:8080}) only while a network policy allows it. Both bind loopback addresses only
 * and are stopped with the sim.
 */
package vigil.sim.network;
