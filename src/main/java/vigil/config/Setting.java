package vigil.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value that wins for one key, still untyped, and where it came from. Environment and flag values
 * are turned into tree nodes too, so that one conversion path checks them all.
 */
record Setting(ConfigKey key, JsonNode value, Source source) {
}
