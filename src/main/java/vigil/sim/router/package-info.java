/**
 * The embedded CF's router: a gorouter-like HTTP proxy on its own loopback port. It routes by the
 * {@code Host} header and path to the instances a {@link vigil.sim.router.RouteResolver} names,
 * round-robin per route, and answers its own failures as gorouter does (status, body text and
 * {@code X-Cf-Routererror}), so that probes and scenarios see on the sim what they see on a real CF.
 */
package vigil.sim.router;
