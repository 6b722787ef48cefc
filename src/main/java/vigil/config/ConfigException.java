package vigil.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The configuration cannot be used: the file cannot be read, or the values are wrong. It carries every
 * problem found, not just the first, so a user fixes the whole file in one go. No problem text contains
 * a secret value.
 *
 * <p>{@link #getMessage()} is ready to print: {@code cannot read config file /x/cfg.yml: no such file},
 * or {@code invalid configuration:} followed by one indented line per problem (and the warnings found
 * on the way, since a typo warning often explains a "missing" problem).
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;
    private final List<String> warnings;

    private ConfigException(String message, List<String> problems, List<String> warnings) {
        super(message);
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    static ConfigException unreadable(Path file, String reason) {
        String problem = "cannot read config file " + file + ": " + reason;
        return new ConfigException(problem, List.of(problem), List.of());
    }

    static ConfigException invalid(List<String> problems, List<String> warnings) {
        StringBuilder message = new StringBuilder("invalid configuration:");
        problems.forEach(problem -> message.append(System.lineSeparator()).append("  ").append(problem));
        if (!warnings.isEmpty()) {
            message.append(System.lineSeparator()).append("warnings:");
            warnings.forEach(warning -> message.append(System.lineSeparator()).append("  ").append(warning));
        }
        return new ConfigException(message.toString(), problems, warnings);
    }

    /** Every problem, one sentence each, starting with the field it is about (or the file). */
    public List<String> problems() {
        return problems;
    }

    /** Warnings found before the problems stopped the load (unknown keys, for instance). */
    public List<String> warnings() {
        return warnings;
    }
}
