package vigil.config;

import java.util.List;

/**
 * A valid configuration and what the user should be told about it (unknown keys, CATS keys Vigil
 * ignores, switched-off TLS checks). The warnings never contain a secret value.
 */
public record LoadedConfig(VigilConfig config, List<String> warnings) {
    public LoadedConfig {
        warnings = List.copyOf(warnings);
    }
}
