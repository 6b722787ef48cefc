package vigil.sim.api;

import vigil.sim.http.Request;
import vigil.sim.http.Response;

/** One Cloud Controller endpoint; it decides itself whether it needs the caller. */
@FunctionalInterface
interface CcEndpoint {
    Response handle(Request request, SecurityContext security);
}
