package vigil.cf;

/** A domain routes can be made in. */
public record Domain(String guid, String name) {
}
