package vigil.cf;

/** A CF organization, as much of it as Vigil reads. */
public record Organization(String guid, String name, String createdAt) {
}
