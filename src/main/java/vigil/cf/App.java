package vigil.cf;

/** A CF app (v3): its state is STARTED or STOPPED. */
public record App(String guid, String name, String state, String createdAt) {
}
