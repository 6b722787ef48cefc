package vigil.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Warns about keys in the file that Vigil will not read: a likely typo gets its own line with a
 * suggestion, while CATS keys Vigil has no use for are listed together on one note line, since a CATS
 * file is expected to carry them.
 */
final class KeyWarnings {
    private KeyWarnings() {
    }

    static List<String> of(ObjectNode file, Path path) {
        List<String> warnings = new ArrayList<>();
        SortedSet<String> catsOnly = new TreeSet<>();
        file.fieldNames().forEachRemaining(name -> {
            if (ConfigKeys.isCatsOnly(name)) {
                catsOnly.add(name);
            } else if (!ConfigKeys.isVigilKey(name)) {
                String suggestion = ConfigKeys.suggestionFor(name)
                        .map(known -> " (did you mean '" + known + "'?)")
                        .orElse("");
                warnings.add("unknown key '" + name + "' in " + path + suggestion + ": ignored");
            }
        });
        if (!catsOnly.isEmpty()) {
            warnings.add("CATS keys not used by Vigil: " + String.join(", ", catsOnly));
        }
        return warnings;
    }
}
