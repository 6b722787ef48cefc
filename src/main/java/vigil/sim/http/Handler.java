package vigil.sim.http;

/** Turns one request into one response; each sim component installs exactly one at its server. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request);
}
