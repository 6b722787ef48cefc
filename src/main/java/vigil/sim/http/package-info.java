/**
 * HTTP plumbing shared by every server of the embedded CF (Cloud Controller, UAA, and later the
 * router and admin endpoints): a loopback-only server on the JDK's {@code HttpServer} (or {@code HttpsServer}
 * with a self-signed certificate made at start, see {@link vigil.sim.http.Transport}), a request
 * view, a response value, a route table and the one JSON writer. Nothing here knows CF semantics.
 */
package vigil.sim.http;
