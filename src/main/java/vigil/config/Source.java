package vigil.config;

import java.nio.file.Path;

/** Where a setting's value came from, as the user would name it: a file path, a variable, a flag. */
record Source(String label) {
    static Source file(Path file) {
        return new Source(String.valueOf(file));
    }

    static Source environment(String variable) {
        return new Source(variable);
    }

    static Source flag(String flag) {
        return new Source(flag);
    }
}
