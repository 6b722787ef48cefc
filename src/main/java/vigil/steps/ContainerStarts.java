package vigil.steps;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vigil.cf.AppLogLine;

/**
 * How many new instances were starting at once, read from an app's {@code CELL} log lines as Diego writes them:
 * an instance is in flight from {@code Cell <id> creating container for instance <guid>} until the next
 * {@code Container became healthy} of its index. Instances known before (e.g. those a deployment replaces) are
 * not counted, so the lines of the push before it do not count either.
 */
final class ContainerStarts {
    private static final Pattern CREATING = Pattern.compile("creating container for instance (\\S+)");
    private static final String HEALTHY = "Container became healthy";

    private ContainerStarts() {
    }

    /** The most new instances in flight at one time, over the lines in their order. */
    static int peakInFlight(List<AppLogLine> lines, Set<String> knownInstances) {
        Map<String, String> inFlightByIndex = new HashMap<>();
        int peak = 0;
        for (AppLogLine line : lines) {
            if (!line.sourceType().equals("CELL")) {
                continue;
            }
            Matcher creating = CREATING.matcher(line.text());
            if (creating.find() && !knownInstances.contains(creating.group(1))) {
                inFlightByIndex.put(line.instanceId(), creating.group(1));
                peak = Math.max(peak, inFlightByIndex.size());
            } else if (line.text().startsWith(HEALTHY)) {
                inFlightByIndex.remove(line.instanceId());
            }
        }
        return peak;
    }
}
