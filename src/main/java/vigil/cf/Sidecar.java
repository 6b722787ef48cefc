package vigil.cf;

import java.util.List;

/** A sidecar of an app: a command run beside each instance of its process types. */
public record Sidecar(String guid, String name, String command, List<String> processTypes) {
}
