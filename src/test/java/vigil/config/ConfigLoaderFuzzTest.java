package vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property-based: generated configs thrown at the loader (maps of known, CATS and unknown keys, values of the
 * right and wrong types, nested garbage, written as YAML or JSON; and random YAML-ish text). Every load ends in
 * a valid config or a {@link ConfigException} whose every problem names a key (or the file); never another
 * exception, and a secret given under a secret key appears in no message, warning or config view.
 *
 * <p>Each run draws a new seed and names it in any failure; {@code -Dvigil.fuzz.seed=N} replays one.
 */
class ConfigLoaderFuzzTest {
    private static final int TRIES = 400;
    private static final String SECRET = "Qx7-UnGuessable-s3cret";
    private static final Set<String> SECRET_KEYS = Set.of("admin_password", "admin_client_secret");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<String> KNOWN = Stream.concat(ConfigKeys.CORE.stream().map(ConfigKey::name),
            ConfigKeys.INCLUDE_DEFAULTS.keySet().stream()).distinct().toList();
    private static final Map<String, ConfigKey> KINDS = Stream.concat(ConfigKeys.CORE.stream(),
            ConfigKeys.INCLUDE_DEFAULTS.keySet().stream().map(ConfigKeys::includeKey))
            .collect(Collectors.toMap(ConfigKey::name, key -> key, (a, b) -> a));
    private static final List<String> CATS = ConfigKeys.CATS_ONLY.stream().sorted().toList();
    private static final List<String> FRAGMENTS = List.of("api: ", "admin_password: " + SECRET, "\n", "  ", "- ",
            "{", "}", "[", "]", ":", "\"", "'", "&a ", "*a", "!!binary ", "%YAML 1.2\n", "---\n", "...\n", "\t", "#",
            "apps_domain: x\n", "admin_user: [", "? ", "|\n", ">\n", "\u0000", "\uFEFF", "é", "timeout_scale: .nan\n",
            "<<: *a\n", "!!python/object ", "0x1F", "@", "`", "api: https://api.example.com\n", "admin_user: admin\n");
    private static final List<Object> ODD_VALUES = List.of("https://api.example.com", "api.example.com",
            "127.0.0.1:8080", "true", "false", "1.5", "", " ", "~", "null", "0", "-1", "yes", "no", "http://",
            "ftp://x", "[]", "{}", 0, -1, Integer.MAX_VALUE, 0.0, -1.0, 1e308, Double.NaN, Double.POSITIVE_INFINITY,
            true, false);

    @TempDir
    Path dir;

    @Test
    void generatedConfigsLoadOrFailNamingAKeyAndNeverShowTheSecret() throws IOException {
        long seed = seed();
        int valid = 0;
        for (int i = 0; i < TRIES; i++) {
            SplittableRandom random = new SplittableRandom(seed + i);
            Map<String, Object> config = config(random);
            boolean json = random.nextBoolean();
            Path file = dir.resolve("config-" + i + (json ? ".json" : ".yml"));
            Files.writeString(file, json ? JSON.writeValueAsString(config) : YAML.writeValueAsString(config));

            valid += checkLoad(file, "seed " + (seed + i) + " (-Dvigil.fuzz.seed=" + seed + ", try " + i + ")") ? 1 : 0;
        }
        // Both ends are reached, or the generator has drifted into testing only one of them.
        assertThat(valid).as("valid configs among %d (seed %d)", TRIES, seed).isBetween(TRIES / 20, TRIES - TRIES / 20);
    }

    @Test
    void randomTextLoadsOrFailsCleanly() throws IOException {
        long seed = seed();
        for (int i = 0; i < TRIES; i++) {
            SplittableRandom random = new SplittableRandom(seed + i);
            Path file = dir.resolve("text-" + i + ".yml");
            Files.writeString(file, text(random));

            checkLoad(file, "seed " + (seed + i) + " (-Dvigil.fuzz.seed=" + seed + ", try " + i + ")");
        }
    }

    /** Whether the file loaded as a valid config. */
    private static boolean checkLoad(Path file, String replay) throws IOException {
        String content = Files.readString(file);
        String context = replay + ", file:\n" + content;
        try {
            LoadedConfig loaded = new ConfigLoader(Map.of()).load(file, ConfigOverrides.none());
            assertThat(loaded.config().api()).as(context).isNotNull();
            assertThat(String.join("\n", loaded.warnings())).as(context).doesNotContain(SECRET);
            assertThat(loaded.config().redactedView().toString()).as(context).doesNotContain(SECRET);
            assertThat(loaded.config().toString()).as(context).doesNotContain(SECRET);
            return true;
        } catch (ConfigException e) {
            assertThat(e.getMessage()).as(context).doesNotContain(SECRET);
            assertThat(e.problems()).as(context).isNotEmpty();
            for (String problem : e.problems()) {
                assertThat(namesAKey(problem, file)).as("names a key or the file: %s; %s", problem, context).isTrue();
            }
            return false;
        } catch (RuntimeException e) {
            throw new AssertionError("the loader threw " + e + "; " + context, e);
        }
    }

    private static boolean namesAKey(String problem, Path file) {
        if (problem.startsWith("config file " + file + ": ") || problem.startsWith("cannot read config file " + file)) {
            return true;
        }
        int colon = problem.indexOf(':');
        String key = colon < 0 ? "" : problem.substring(0, colon);
        return KNOWN.contains(key) || key.equals("credentials");
    }

    /** Half start from a valid config; then up to 10 keys, known, CATS, unknown or typos, with any values. */
    private static Map<String, Object> config(SplittableRandom random) {
        Map<String, Object> config = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            config.put("api", "https://api.example.com");
            config.put("apps_domain", "apps.example.com");
            config.put("admin_user", "admin");
            config.put("admin_password", SECRET);
        }
        for (int n = random.nextInt(3) == 0 ? 0 : random.nextInt(9); n > 0; n--) {
            String key = key(random);
            ConfigKey known = KINDS.get(key);
            if (SECRET_KEYS.contains(key)) {
                config.put(key, secretShaped(random));
            } else if (known != null && random.nextInt(3) > 0) {
                config.put(key, rightlyTyped(random, known.kind()));
            } else {
                config.put(key, value(random, 3));
            }
        }
        return config;
    }

    /** A value of the key's type; a string may still be a wrong one (an api that is no URL). */
    private static Object rightlyTyped(SplittableRandom random, ConfigKey.Kind kind) {
        return switch (kind) {
            case BOOLEAN -> random.nextBoolean();
            case NUMBER -> 0.1 + random.nextDouble() * 10;
            case SECRET -> SECRET;
            case STRING -> random.nextBoolean() ? pickOne(random, List.of("https://api.example.com", "admin",
                    "apps.example.com", "127.0.0.1:8080", "vigil", "my-org")) : word(random, "abcdefgh.-", 1 + random.nextInt(10));
        };
    }

    private static String key(SplittableRandom random) {
        int pick = random.nextInt(10);
        if (pick < 5) {
            return pickOne(random, KNOWN);
        }
        if (pick < 7) {
            return pickOne(random, CATS);
        }
        if (pick < 9) {
            return word(random, "abcdefghijklmnopqrstuvwxyz_- .", 1 + random.nextInt(16));
        }
        String known = pickOne(random, KNOWN);
        int at = random.nextInt(known.length());
        return known.substring(0, at) + known.substring(at + 1);
    }

    /** The secret itself, or the secret in the wrong shape: a list, a map, or nothing like a string. */
    private static Object secretShaped(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> List.of(SECRET);
            case 1 -> Map.of("value", SECRET);
            case 2 -> value(random, 1);
            default -> SECRET;
        };
    }

    /** Right and wrong types alike: strings, numbers, booleans, null, and nested lists and maps. */
    private static Object value(SplittableRandom random, int depth) {
        int pick = random.nextInt(depth > 0 ? 10 : 8);
        return switch (pick) {
            case 0, 1 -> pickOne(random, ODD_VALUES);
            case 2 -> word(random, "abcxyz:/.-_ 0123456789@#{}[]'\"\\\n\t\u00e9", random.nextInt(20));
            case 3 -> random.nextInt();
            case 4 -> random.nextDouble() * Math.pow(10, random.nextInt(20) - 10) * (random.nextBoolean() ? 1 : -1);
            case 5 -> random.nextBoolean();
            case 6 -> null;
            case 7 -> random.nextLong();
            case 8 -> {
                List<Object> list = new ArrayList<>();
                for (int n = random.nextInt(4); n > 0; n--) {
                    list.add(value(random, depth - 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int n = random.nextInt(4); n > 0; n--) {
                    map.put(word(random, "abcdefgh_", 1 + random.nextInt(8)), value(random, depth - 1));
                }
                yield map;
            }
        };
    }

    /** YAML-ish fragments (one holding the secret), or any characters at all. */
    private static String text(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(3) == 0) {
            for (int n = random.nextInt(200); n > 0; n--) {
                text.append((char) random.nextInt(0x3000));
            }
            return text.toString();
        }
        for (int n = random.nextInt(26); n > 0; n--) {
            text.append(pickOne(random, FRAGMENTS));
        }
        return text.toString();
    }

    private static String word(SplittableRandom random, String alphabet, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return word.toString();
    }

    private static <T> T pickOne(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static long seed() {
        String given = System.getProperty("vigil.fuzz.seed");
        return given != null ? Long.parseLong(given) : new SecureRandom().nextLong();
    }
}
