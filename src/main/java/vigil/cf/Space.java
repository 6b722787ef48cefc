package vigil.cf;

/** A CF space. */
public record Space(String guid, String name, String createdAt) {
}
