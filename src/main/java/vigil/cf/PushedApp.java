package vigil.cf;

/** A pushed, started app: every instance RUNNING, reachable at {@code route}. */
public record PushedApp(App app, Route route, String dropletGuid) {
}
