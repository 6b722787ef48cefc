package vigil.cf;

/** A domain routes can be made in; {@code internal} for app-to-app routes ({@code apps.internal}). */
public record Domain(String guid, String name, boolean internal) {
}
