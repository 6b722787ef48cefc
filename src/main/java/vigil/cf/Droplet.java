package vigil.cf;

/** A staged droplet: STAGED when it can run. */
public record Droplet(String guid, String state) {
}
