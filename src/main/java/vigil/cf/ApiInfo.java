package vigil.cf;

/** {@code GET /v3/info}: what the platform says about itself. */
public record ApiInfo(String name, String build, String description, int version) {
}
